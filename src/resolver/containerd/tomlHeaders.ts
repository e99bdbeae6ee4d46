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
  for (const header of tableHeaders(text)) {
    if (header.length < 2 || header[0] !== 'host' || header[1] === previous) continue;
    previous = header[1] ?? '';
    order.push(previous);
  }
  return order;
}

/** Key parts of every standard `[table]` header (array tables are skipped), outside multi-line strings. */
function tableHeaders(text: string): string[][] {
  const headers: string[][] = [];
  let inMultiline: string | null = null;
  for (const line of text.split(/\r?\n/)) {
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
    if (parts !== null) headers.push(parts);
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
  return text.split(needle).length - 1;
}
