/**
 * User and password written into a URL (`https://robot:pw@mirror.example.com`). K3s parses
 * endpoints and registry keys with Go's net/url, which keeps the userinfo, so it is a
 * credential like any other. K3s also reads a bare `robot:pw@mirror` as a URL.
 */
export interface UserinfoMatch {
  /** Offsets of the userinfo within the text (without the "@"). */
  start: number;
  end: number;
  /** The user and password parts, as written and percent-decoded, for the leak check. */
  secrets: string[];
  /** A userinfo of the same shape that still parses: `redacted` or `redacted:redacted`. */
  replacement: string;
}

const WITH_SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\s/?#@"'<>\\[\]{}]+)@/g;
/** A whole scalar that K3s would read as `userinfo@host…` (no scheme, no spaces). */
const BARE = /^([^\s/?#@"'<>:[\]{}]+(?::[^\s/?#@"'<>[\]{}]*)?)@[^\s@/]+(?:\/\S*)?$/;
/** The same inside free text, one word at a time. */
const BARE_WORD = /(?<=^|[\s[{,"'])([^\s/?#@"'<>:[\]{},]+(?::[^\s/?#@"'<>[\]{},]*)?)@(?=[\w[])/g;

/**
 * `bare`: also a user info without a scheme, where K3s would read one: `whole` when the text
 * is one endpoint or key, `words` anywhere in free text (YAML that does not parse).
 */
export function findUserinfo(text: string, options: { bare: 'none' | 'whole' | 'words' }): UserinfoMatch[] {
  const found: UserinfoMatch[] = [];
  for (const match of text.matchAll(WITH_SCHEME)) {
    const userinfo = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length - userinfo.length - 1;
    found.push(describe(userinfo, start));
  }
  if (options.bare === 'none') return found;
  if (options.bare === 'whole') {
    const match = found.length > 0 ? null : BARE.exec(text.trim());
    if (match !== null) found.push(describe(match[1] ?? '', text.indexOf(match[1] ?? '')));
    return found;
  }
  for (const match of text.matchAll(BARE_WORD)) {
    const start = match.index ?? 0;
    if (!found.some((other) => start < other.end && other.start < start + (match[1]?.length ?? 0))) found.push(describe(match[1] ?? '', start));
  }
  return found;
}

function describe(userinfo: string, start: number): UserinfoMatch {
  const colon = userinfo.indexOf(':');
  const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  const secrets = parts.flatMap((part) => [part, percentDecoded(part)]).filter((part) => part !== '');
  return { start, end: start + userinfo.length, secrets: [...new Set(secrets)], replacement: colon < 0 ? 'redacted' : 'redacted:redacted' };
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
