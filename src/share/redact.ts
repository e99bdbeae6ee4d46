import { LineIndex } from '../resolver/core.ts';
import { MultiSearch } from './secrets/multiSearch.ts';
import { applySpans, originalOffset, REDACTED_VALUE, type KeptSegment, type SecretSpan } from './secrets/span.ts';
import { findYamlSecrets } from './secrets/yamlSecrets.ts';
import { findTomlSecrets } from './secrets/tomlSecrets.ts';
import type { CertsFile, PlaygroundState } from './state.ts';

/** What stands in for a credential in a shared link: visible, and still valid YAML for K3s. */
export const REDACTED = REDACTED_VALUE;

/**
 * Secrets shorter than this are still redacted where they are written, but the leak check does
 * not look for them elsewhere: a two-letter password occurs in any text.
 */
export const MIN_CHECKED_SECRET_LENGTH = 4;

/** One thing replaced, for the Share dialog: where, and what it was. */
export interface RedactedItem {
  line: number;
  label: string;
  /** The certs.d directory of the hosts.toml it was in; absent for registries.yaml. */
  file?: string;
}

/** Where a secret would still be visible after redaction. */
export interface LeakItem {
  /** 1-based line of the draft's registries.yaml (or of `file`), or null when it is elsewhere in the state. */
  line: number | null;
  /** The certs.d directory of the hosts.toml it is in; absent for registries.yaml. */
  file?: string;
  /** Where, for people: "line 5", "sample image 2". */
  place: string;
  why: string;
}

export type Redaction =
  | { safe: true; state: PlaygroundState; redacted: RedactedItem[]; check: LeakCheck }
  | { safe: false; state: null; redacted: RedactedItem[]; leaks: LeakItem[] };

/**
 * Replaces every credential in the draft's YAML with a placeholder and then *checks* the result:
 * no secret value found in the original may appear anywhere in the shared state. If one would (a
 * password repeated in free text, a value the finder could not separate), there is no redacted
 * state at all, only the lines to fix. Fails closed; never throws; linear in the draft's size.
 */
export function redactState(state: PlaygroundState): Redaction {
  let spans: SecretSpan[];
  let fileSpans: SecretSpan[][];
  try {
    spans = findYamlSecrets(state.yaml);
    fileSpans = state.certsD.map((file) => findTomlSecrets(file.toml, file.dir));
  } catch {
    // A parser bug on hostile input: nothing can be vouched for, so nothing is shared.
    return { safe: false, state: null, redacted: [], leaks: [{ line: null, place: 'registries.yaml', why: 'it could not be read for redaction' }] };
  }
  const { text: yaml, kept } = applySpans(state.yaml, spans);
  const lines = new LineIndex(state.yaml);
  const files = state.certsD.map((file, index): RedactedFile => {
    const found = fileSpans[index] ?? [];
    const applied = applySpans(file.toml, found);
    return { dir: file.dir, toml: applied.text, kept: applied.kept, lines: new LineIndex(file.toml), spans: found };
  });
  const redacted = [...listRedacted(spans, lines), ...files.flatMap((file) => listRedacted(file.spans, file.lines, file.dir))];
  const check = new LeakCheck([...spans, ...fileSpans.flat()].flatMap((span) => span.secrets));
  const redactedState = { ...state, yaml, certsD: files.map((file): CertsFile => ({ dir: file.dir, toml: file.toml })) };
  const leaks = check.leaksIn(redactedState, kept, lines, files);
  if (leaks.length > 0) return { safe: false, state: null, redacted, leaks };
  return { safe: true, state: redactedState, redacted, check };
}

/** One hosts.toml through redaction: the text before and after, and how to map back to its lines. */
interface RedactedFile {
  dir: string;
  toml: string;
  kept: KeptSegment[];
  lines: LineIndex;
  spans: SecretSpan[];
}

function listRedacted(spans: readonly SecretSpan[], lines: LineIndex, file?: string): RedactedItem[] {
  const seen = new Set<string>();
  const items: RedactedItem[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const item = { line: lines.position(span.start).line, label: span.label, ...(file !== undefined ? { file } : {}) };
    const key = `${item.line}\n${item.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** Finds any of the draft's secret values in a text that is about to leave the page. */
export class LeakCheck {
  private readonly search: MultiSearch;

  constructor(secrets: readonly string[]) {
    this.search = new MultiSearch([...new Set(secrets.filter((secret) => secret.length >= MIN_CHECKED_SECRET_LENGTH))]);
  }

  /** True when the text holds a secret (a Markdown summary, a snippet, anything shared). */
  finds(text: string): boolean {
    return this.search.findAll(text).size > 0;
  }

  /** Every place a secret survives in a redacted state, located in the original draft. */
  leaksIn(state: PlaygroundState, kept: readonly KeptSegment[], lines: LineIndex, files: readonly Pick<RedactedFile, 'dir' | 'toml' | 'kept' | 'lines'>[] = []): LeakItem[] {
    const leaks: LeakItem[] = [];
    for (const file of files) {
      leaks.push(...this.leaksInText(file.toml, file.kept, file.lines, (line) => ({ file: file.dir, place: `certs.d/${file.dir}/hosts.toml${line === null ? '' : ` line ${line}`}` })));
      if (this.finds(file.dir)) leaks.push({ line: null, file: file.dir, place: `the directory name certs.d/${file.dir}`, why: 'it contains a credential value' });
    }
    leaks.push(...this.leaksInText(state.yaml, kept, lines, (line) => ({ place: line === null ? 'registries.yaml' : `line ${line}` })));
    state.images.forEach((image, position) => {
      if (this.finds(image)) leaks.push({ line: null, place: `sample image ${position + 1}`, why: 'it contains a credential value' });
    });
    const meta = JSON.stringify([state.versions, state.view]);
    if (this.finds(meta)) leaks.push({ line: null, place: 'the compared releases', why: 'they contain a credential value' });
    return leaks.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? Infinity) - (b.line ?? Infinity));
  }

  /** Each secret found in a redacted text, located by its line in the original (null inside replaced text). */
  private leaksInText(text: string, kept: readonly KeptSegment[], lines: LineIndex, where: (line: number | null) => Pick<LeakItem, 'place' | 'file'>): LeakItem[] {
    return [...this.search.findAll(text)].map(([index, offset]) => {
      const original = originalOffset(kept, offset);
      const secret = this.search.needles[index] ?? '';
      const line = original === null ? null : lines.position(original).line;
      return { line, ...where(line), why: `a credential value (${secret.length} characters) is also written here` };
    });
  }
}

/** Whether a state from a link is this draft, as written or in its redacted (shared) form. */
export function isSharedFormOf(linked: PlaygroundState, draft: PlaygroundState): boolean {
  const text = JSON.stringify(linked);
  if (text === JSON.stringify(draft)) return true;
  const redaction = redactState(draft);
  return redaction.safe && text === JSON.stringify(redaction.state);
}
