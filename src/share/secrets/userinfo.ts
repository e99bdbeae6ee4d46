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

/** A whole scalar that K3s would read as `userinfo@host…` (no scheme, no spaces). */
const BARE = /^([^\s/?#@"'<>:[\]{}]+(?::[^\s/?#@"'<>[\]{}]*)?)@[^\s@/]+(?:\/\S*)?$/;
/** The same inside free text, one word at a time. */
const BARE_WORD = /(?<=^|[\s[{,"'])([^\s/?#@"'<>:[\]{},]+(?::[^\s/?#@"'<>[\]{},]*)?)@(?=[\w[])/g;

/**
 * `bare`: also a user info without a scheme, where K3s would read one: `whole` when the text
 * is one endpoint or key, `words` anywhere in free text (YAML that does not parse).
 */
export function findUserinfo(text: string, options: { bare: 'none' | 'whole' | 'words' }): UserinfoMatch[] {
  const found: UserinfoMatch[] = schemeUserinfos(text);
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

/**
 * What `scheme://userinfo@` finds, in one pass: from each `://` back over the scheme and forward over
 * the user info. (As a regex, a long run of letters with no `://` costs quadratic time: a link could
 * make Share hang.) Matches are the ones the regex
 * `/[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\s/?#@"'<>\\[\]{}]+)@/g` reports (userinfo.test.ts checks it).
 */
function schemeUserinfos(text: string): UserinfoMatch[] {
  const found: UserinfoMatch[] = [];
  let floor = 0;
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 1)) {
    let start = at;
    while (start > floor && SCHEME_CHAR.test(text[start - 1] ?? '')) start--;
    while (start < at && !/[A-Za-z]/.test(text[start] ?? '')) start++;
    if (start === at) continue;
    let end = at + 3;
    while (end < text.length && !USERINFO_STOP.test(text[end] ?? '')) end++;
    if (end === at + 3 || text[end] !== '@') continue;
    found.push(describe(text.slice(at + 3, end), at + 3));
    floor = end + 1;
    at = end;
  }
  return found;
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const USERINFO_STOP = /[\s/?#@"'<>\\[\]{}]/;

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
