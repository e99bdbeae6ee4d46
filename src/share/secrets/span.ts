/** A stretch of the text that holds a secret, and what goes in its place. */
export interface SecretSpan {
  start: number;
  end: number;
  replacement: string;
  /** The secret as written and as decoded: after redaction, none of these may remain anywhere. */
  secrets: string[];
  /** Where it was, for people: `configs."r.example.com".auth.password`, `comment`, `user info in a URL`. */
  label: string;
}

/** What stands in for a credential value: visible, and still a valid YAML string for K3s. */
export const REDACTED_VALUE = '"<redacted>"';

/**
 * Applies spans in one pass (so the cost is linear in the text, however many there are).
 * Overlapping spans merge into one placeholder; trailing newlines of a replaced stretch
 * are kept, so block scalars and multi-line values leave the next line where it was.
 */
export function applySpans(text: string, spans: readonly SecretSpan[]): { text: string; kept: KeptSegment[] } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: KeptSegment[] = [];
  let out = '';
  let position = 0;
  for (let i = 0; i < sorted.length; i++) {
    let span = sorted[i] as SecretSpan;
    if (span.end <= position) continue;
    let start = Math.max(span.start, position);
    let end = span.end;
    let replacement = span.replacement;
    // Merge every span that overlaps this one: the whole stretch becomes one placeholder.
    while (i + 1 < sorted.length && (sorted[i + 1] as SecretSpan).start < end) {
      span = sorted[++i] as SecretSpan;
      if (span.end > end) end = span.end;
      replacement = REDACTED_VALUE;
    }
    if (start < position) start = position;
    kept.push({ start: position, end: start, at: out.length });
    out += text.slice(position, start);
    const replaced = text.slice(start, end);
    const trailing = /\n*$/.exec(replaced)?.[0] ?? '';
    out += replacement + (replacement.endsWith('\n') ? '' : trailing);
    position = end;
  }
  kept.push({ start: position, end: text.length, at: out.length });
  return { text: out + text.slice(position), kept };
}

/** A stretch of the original text copied unchanged to `at` in the redacted text. */
export interface KeptSegment {
  start: number;
  end: number;
  at: number;
}

/** Maps an offset in the redacted text back to the original, where it lies in kept text. */
export function originalOffset(kept: readonly KeptSegment[], offset: number): number | null {
  let low = 0;
  let high = kept.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = kept[mid] as KeptSegment;
    if (offset < segment.at) high = mid - 1;
    else if (offset >= segment.at + (segment.end - segment.start)) low = mid + 1;
    else return segment.start + (offset - segment.at);
  }
  return null;
}
