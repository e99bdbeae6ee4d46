/**
 * Which keys hold credentials, wherever and however they are written. Matching is
 * deliberately wider than K3s's schema (`auth.username`, `auth.password`, `auth.auth`,
 * `auth.identity_token`, the deprecated `auths`): a secret typed under the wrong key, in
 * the wrong place or in other capitals is still a secret, and it must not leave in a link.
 */
const CREDENTIAL_KEYS = new Set(['auth', 'auths', 'username', 'password', 'identity_token', 'identitytoken', 'authorization', 'apikey', 'api_key', 'credentials']);
const CREDENTIAL_PARTS = ['pass', 'secret', 'token'];

export function isCredentialKey(key: string): boolean {
  const name = key.trim().toLowerCase();
  return CREDENTIAL_KEYS.has(name) || CREDENTIAL_PARTS.some((part) => name.includes(part));
}

/**
 * Credentials written as text, line by line: `password: hunter2` in a comment, in a multi-line
 * string, after an unclosed quote that swallowed the rest of the file, or `password:hunter2`
 * with no space (one scalar to YAML, but the secret is plain to read). Returns the ranges of the
 * values (to the end of their line). `=` also separates in comments (`token=abc`).
 */
export function credentialValuesInText(text: string, options: { equals: boolean }): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const pattern = options.equals ? KEY_VALUE_OR_EQUALS : KEY_VALUE;
  const lines = text.split('\n');
  let lineStart = 0;
  /** After `password: |` (or a bare `password:`), the lines indented further are the value. */
  let continuation: number | null = null;
  let explicitKey = false;
  for (const line of lines) {
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (continuation !== null && (line.trim() === '' || indent > continuation)) {
      if (line.trim() !== '') found.push({ start: lineStart + indent, end: lineStart + line.trimEnd().length });
      lineStart += line.length + 1;
      continue;
    }
    continuation = null;
    // `? password` then `: value` on the next line: an explicit key.
    if (explicitKey && /^\s*:/.test(line)) {
      const valueStart = line.indexOf(':') + 1 + (/^\s*/.exec(line.slice(line.indexOf(':') + 1))?.[0].length ?? 0);
      if (line.trimEnd().length > valueStart) found.push({ start: lineStart + valueStart, end: lineStart + line.trimEnd().length });
    }
    explicitKey = /^\s*\?\s+["']?([A-Za-z_][\w-]*)["']?\s*$/.exec(line) !== null && isCredentialKey(/^\s*\?\s+["']?([A-Za-z_][\w-]*)/.exec(line)?.[1] ?? '');
    pattern.lastIndex = 0;
    for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
      if (!isCredentialKey(match[1] ?? '')) continue;
      const valueStart = match.index + match[0].length;
      const value = line.slice(valueStart).replace(/\s+$/, '');
      // `passport:5000` on its own is a host and port, not a credential.
      if (match.index === 0 && /^\d{1,5}(?:\/\S*)?$/.test(value)) continue;
      if (value !== '') found.push({ start: lineStart + valueStart, end: lineStart + valueStart + value.length });
      if (value === '' || /^[|>][+-]?\d?$/.test(value)) continuation = line.length - line.trimStart().length;
      break;
    }
    lineStart += line.length + 1;
  }
  return found;
}

const KEY_VALUE = /(?:^|[\s{,#"'])["']?([A-Za-z_][\w-]*)["']?\s*:(?:\s+|(?=\S)|$)/g;
const KEY_VALUE_OR_EQUALS = /(?:^|[\s{,#"'])["']?([A-Za-z_][\w-]*)["']?\s*[:=](?:\s+|(?=\S)|$)/g;
