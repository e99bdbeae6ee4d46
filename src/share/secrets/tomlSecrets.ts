import { scanOutsideStrings, tomlKeyLines, type TomlKeyLine } from '../../resolver/containerd/tomlHeaders.ts';
import { credentialValuesInText, isCredentialKey } from './credentialKeys.ts';
import type { SecretSpan } from './span.ts';
import { findUserinfo } from './userinfo.ts';

/** Inside TOML quotes the placeholder needs no quotes of its own: the file stays valid TOML. */
const INNER_PLACEHOLDER = '<redacted>';

/**
 * Header names whose values are credentials (`Authorization = "Bearer …"`, cookies, API keys).
 * Wider than any registry needs, on purpose: a header is redacted unless it is plainly harmless.
 */
const SECRET_HEADER_PARTS = ['auth', 'token', 'key', 'secret', 'pass', 'cookie', 'session', 'credential', 'signature', 'bearer'];

function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return isCredentialKey(lower) || SECRET_HEADER_PARTS.some((part) => lower.includes(part));
}

/**
 * Credentials in a hand-written hosts.toml: header values (`[host."…".header]`, `[header]`), keys
 * that name a credential anywhere, user info in URLs (table keys, `server`), and `token=…` in
 * comments. Values keep their quotes, so the redacted file parses as before. Lines the TOML
 * scan cannot read are swept as text: it over-redacts rather than miss.
 */
export function findTomlSecrets(text: string, dir: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const lines = tomlKeyLines(text);
  for (const line of lines) {
    const name = line.key[line.key.length - 1] ?? '';
    const inHeader = line.table[line.table.length - 1] === 'header' || line.key[0] === 'header';
    if (!(inHeader ? isSecretHeader(name) : isCredentialKey(name))) continue;
    const label = `${dir}/hosts.toml ${inHeader ? `header ${name}` : name}`;
    spans.push(...valueSpans(text, line, label));
  }
  for (const match of findUserinfo(text, { bare: 'none' })) {
    spans.push({ start: match.start, end: match.end, replacement: match.replacement, secrets: match.secrets, label: `${dir}/hosts.toml user info in a URL` });
  }
  // Comments, and anything the scan above could not take apart: `token = abc` as text.
  for (const found of credentialValuesInText(text, { equals: true })) {
    if (spans.some((span) => span.start < found.end && found.start < span.end)) continue;
    const value = text.slice(found.start, found.end);
    spans.push({ start: found.start, end: found.end, replacement: INNER_PLACEHOLDER, secrets: [value, value.replace(/^["']|["']$/g, '')], label: `${dir}/hosts.toml text` });
  }
  return spans;
}

/** The string values on a key line (one string, or each string of an array), without their quotes. */
function valueSpans(text: string, line: TomlKeyLine, label: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const raw = line.raw;
  // A multi-line string or array: everything to the closing delimiter is the value.
  const multiline = /^("""|''')/.exec(raw)?.[1];
  if (multiline !== undefined) {
    const close = text.indexOf(multiline, line.valueStart + 3);
    const end = close < 0 ? text.length : close;
    const value = text.slice(line.valueStart + 3, end);
    return [{ start: line.valueStart + 3, end, replacement: INNER_PLACEHOLDER, secrets: secretsOf(value), label }];
  }
  const arrayEnd = raw.startsWith('[') ? closingBracket(text, line.valueStart) : null;
  const region = arrayEnd === null ? { start: line.valueStart, end: line.lineEnd } : { start: line.valueStart, end: arrayEnd };
  const quoted = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/g;
  const body = text.slice(region.start, region.end);
  let any = false;
  for (const match of body.matchAll(quoted)) {
    any = true;
    const start = region.start + (match.index ?? 0) + 1;
    const value = match[1] ?? match[2] ?? '';
    spans.push({ start, end: start + value.length, replacement: INNER_PLACEHOLDER, secrets: secretsOf(value), label });
    if (arrayEnd === null) break;
  }
  // Not a string (or not valid TOML): the rest of the line goes.
  if (!any) {
    const value = text.slice(region.start, region.end).replace(/\s+#.*$/, '').trimEnd();
    if (value !== '') spans.push({ start: region.start, end: region.start + value.length, replacement: `"${INNER_PLACEHOLDER}"`, secrets: secretsOf(value), label });
  }
  return spans;
}

/** The value as written, unescaped, and the credential of `Bearer abc` / `Basic …` on its own. */
function secretsOf(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, '$1');
  const scheme = /^\s*(?:bearer|basic|token|digest)\s+(\S+)\s*$/i.exec(unescaped)?.[1] ?? '';
  return [...new Set([value, unescaped, scheme])].filter((secret) => secret !== '');
}

/** Where a `[` … `]` array starting at `from` closes (outside strings and comments); the end of the text when it does not. */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  let comment = false;
  const closed = scanOutsideStrings(text, from, (c) => {
    if (comment) comment = c !== '\n';
    else if (c === '#') comment = true;
    else if (c === '[') depth++;
    else if (c === ']') return --depth === 0;
    return false;
  });
  return closed === null ? text.length : closed + 1;
}
