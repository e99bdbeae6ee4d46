import { lastResults } from '../lastResults.ts';
/**
 * The order of `[host."…"]` tables in a hosts.toml, read from the text itself: containerd uses
 * go-toml's low-level parser for this (getSortedHosts) because decoded TOML tables have no order.
 */
/**
 * containerd `getSortedHosts`: the `[host."X"…]` table headers in file order. A sub-table
 * (`[host."X".rewrite]`) does not start a new host when X is the host just seen, but the
 * same X after a different host is listed again, as containerd does.
 */
export function sortedHostKeys(text: string): string[] {
  const order: string[] = [];
  let previous = '';
  for (const { parts } of tableHeaders(text)) {
    if (parts.length < 2 || parts[0] !== 'host' || parts[1] === previous) continue;
    previous = parts[1] ?? '';
    order.push(previous);
  }
  return order;
}

/** A `[table]` header: its key parts and the line it is on (UTF-16 offsets, without the line break). */
export interface TableHeader {
  parts: string[];
  start: number;
  end: number;
}

/** Headers of the texts read last: a file's headers are asked for by the reader, the sources and the diagnostics. */
const headersOf = lastResults<readonly TableHeader[]>(256, 100_000);

/** Key parts of every standard `[table]` header (array tables are skipped), outside multi-line strings. */
export function tableHeaders(text: string): readonly TableHeader[] {
  return headersOf(text, () => readTableHeaders(text));
}

function readTableHeaders(text: string): TableHeader[] {
  const headers: TableHeader[] = [];
  let inMultiline: string | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (inMultiline !== null) {
      if (countOccurrences(line, inMultiline) % 2 === 1) inMultiline = null;
      continue;
    }
    for (const quote of ['"""', "'''"]) {
      if (countOccurrences(line, quote) % 2 === 1) inMultiline = quote;
    }
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('[') || trimmed.startsWith('[[')) continue;
    const parts = parseKeyParts(trimmed.slice(1));
    if (parts !== null) headers.push({ parts, start, end: start + line.replace(/\r$/, '').length });
  }
  return headers;
}

/** Parses `a."b.c".'d' ]` into ["a", "b.c", "d"]; null when malformed. */
function parseKeyParts(text: string): string[] | null {
  const parts: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  for (;;) {
    skipSpace();
    const c = text[i];
    if (c === '"') {
      const match = /^"((?:[^"\\]|\\.)*)"/.exec(text.slice(i));
      if (match === null) return null;
      parts.push(unescapeBasic(match[1] ?? ''));
      i += match[0].length;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      parts.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      const match = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
      if (match === null) return null;
      parts.push(match[0]);
      i += match[0].length;
    }
    skipSpace();
    if (text[i] === '.') {
      i++;
      continue;
    }
    return text[i] === ']' ? parts : null;
  }
}

function unescapeBasic(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, escape: string) => {
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return simple[escape] ?? escape;
  });
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** A `key = value` line of a hosts.toml: the table it is in, its key parts and where key and value are. */
export interface TomlKeyLine {
  table: string[];
  key: string[];
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  /** The value as written on this line (a multi-line array or string continues below). */
  raw: string;
  lineEnd: number;
}

/**
 * Every `key = value` line with the table it belongs to, read from the text (outside multi-line
 * strings): enough to put a diagnostic at the key containerd ignores or refuses.
 */
export function tomlKeyLines(text: string): TomlKeyLine[] {
  const found: TomlKeyLine[] = [];
  let table: string[] = [];
  let inMultiline: string | null = null;
  let depth = 0;
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const start = offset;
    offset += rawLine.length + 1;
    const line = rawLine.replace(/\r$/, '');
    if (inMultiline !== null) {
      if (countOccurrences(line, inMultiline) % 2 === 1) inMultiline = null;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trimStart();
    if (depth > 0) {
      depth = Math.max(0, depth + bracketBalance(trimmed));
      continue;
    }
    if (trimmed.startsWith('[')) {
      if (!trimmed.startsWith('[[')) table = parseKeyParts(trimmed.slice(1)) ?? table;
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = equalsSign(trimmed);
    if (equals === null) continue;
    const key = parseKeyParts(`${trimmed.slice(0, equals).trim()}]`);
    if (key === null) continue;
    const afterEquals = trimmed.slice(equals + 1);
    const valueOffset = equals + 1 + (afterEquals.length - afterEquals.trimStart().length);
    const raw = trimmed.slice(valueOffset);
    for (const quote of ['"""', "'''"]) if (countOccurrences(raw, quote) % 2 === 1) inMultiline = quote;
    if (raw.startsWith('[')) depth = Math.max(0, bracketBalance(raw));
    found.push({ table, key, keyStart: start + indent, keyEnd: start + indent + trimmed.slice(0, equals).trimEnd().length, valueStart: start + indent + valueOffset, raw, lineEnd: start + line.length });
  }
  return found;
}

/**
 * Walks the characters outside TOML strings (basic "…" with escapes, literal '…') from `from`;
 * `visit` returning true stops the walk there. Returns where it stopped, or null at the end.
 */
export function scanOutsideStrings(text: string, from: number, visit: (c: string, i: number) => boolean): number | null {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (visit(c, i)) return i;
  }
  return null;
}

/** Where the `=` of a key line is, outside quoted key parts; null when there is none. */
function equalsSign(text: string): number | null {
  return scanOutsideStrings(text, 0, (c) => c === '=');
}

/** Open minus closed brackets outside strings and comments: whether a multi-line array goes on. */
function bracketBalance(text: string): number {
  let balance = 0;
  scanOutsideStrings(text, 0, (c) => {
    if (c === '[') balance++;
    else if (c === ']') balance--;
    return c === '#';
  });
  return balance;
}

/** The top-level `name = …` line (before any table), or undefined. */
export function topLevelKey(lines: readonly TomlKeyLine[], name: string): TomlKeyLine | undefined {
  return lines.find((line) => line.table.length === 0 && line.key.length === 1 && line.key[0] === name);
}
