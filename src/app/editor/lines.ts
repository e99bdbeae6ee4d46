import type { SourceRef } from '../../resolver/core.ts';
import { LineIndex } from '../../resolver/core.ts';

/** 1-based line numbers covered by the highlighted sources. */
export function highlightedLines(text: string, sources: readonly SourceRef[]): Set<number> {
  const lines = new Set<number>();
  if (sources.length === 0) return lines;
  const index = new LineIndex(text);
  for (const { span } of sources) {
    const range = index.range(span);
    for (let line = range.line; line <= range.endLine; line++) lines.add(line);
  }
  return lines;
}

/** Offset of a 1-based line and column in the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

/** The diagnostics or sources that belong to one file: a certs.d directory, or null for registries.yaml. */
export function inFile<T extends { file?: string }>(items: readonly T[], file: string | null): T[] {
  return items.filter((item) => (item.file ?? null) === file);
}
