import { err, ok, type Result } from '../result.ts';

/**
 * The subset of Go's `net/url` that K3s (endpoint normalisation) and containerd
 * (hosts.toml host keys) rely on: scheme detection, authority and port validation,
 * host character checks, and `URL.String()`. Error texts follow Go's, wrapped the
 * way `*url.Error` prints them (`parse "<input>": <reason>`).
 */
export interface GoURL {
  scheme: string;
  /** userinfo, decoded (Go's url.Userinfo), or null. */
  user: { username: string; password: string | null } | null;
  host: string;
  /** Decoded path (Go's URL.Path). */
  path: string;
  /** The path as written when it differs from the canonical escaping (Go's RawPath). */
  rawPath: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
}

export function parseURL(raw: string): Result<GoURL> {
  const hash = raw.indexOf('#');
  const withoutFragment = hash < 0 ? raw : raw.slice(0, hash);
  const fragment = hash < 0 ? '' : raw.slice(hash + 1);
  const parsed = parseWithoutFragment(withoutFragment);
  if (!parsed.ok) return err(`parse ${goQuote(withoutFragment)}: ${parsed.error}`);
  return ok({ ...parsed.value, fragment });
}

function parseWithoutFragment(raw: string): Result<GoURL> {
  if (/[\x00-\x1f\x7f]/.test(raw)) return err('net/url: invalid control character in URL');
  const url: GoURL = { scheme: '', user: null, host: '', path: '', rawPath: '', rawQuery: '', forceQuery: false, fragment: '' };
  if (raw === '*') return ok({ ...url, path: '*' });
  const scheme = getScheme(raw);
  if (!scheme.ok) return scheme;
  url.scheme = scheme.value.scheme.toLowerCase();
  let rest = scheme.value.rest;
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const question = rest.indexOf('?');
    if (question >= 0) [rest, url.rawQuery] = [rest.slice(0, question), rest.slice(question + 1)];
  }
  if (!rest.startsWith('/')) {
    // Opaque form ("http:foo"): Go keeps the text as URL.Opaque; it has no host and no path.
    if (url.scheme !== '') return ok(url);
    const segment = rest.split('/')[0] ?? '';
    if (segment.includes(':')) return err('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const user = parseUserinfo(authority.slice(0, at));
      if (!user.ok) return user;
      url.user = user.value;
    }
    const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
    if (!host.ok) return host;
    url.host = host.value;
  }
  const path = unescape(rest, 'path');
  if (!path.ok) return path;
  url.path = path.value;
  url.rawPath = escapePath(path.value) === rest ? '' : rest;
  return ok(url);
}

function getScheme(raw: string): Result<{ scheme: string; rest: string }> {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ok({ scheme: '', rest: raw });
      continue;
    }
    if (c === ':') {
      if (i === 0) return err('missing protocol scheme');
      return ok({ scheme: raw.slice(0, i), rest: raw.slice(i + 1) });
    }
    return ok({ scheme: '', rest: raw });
  }
  return ok({ scheme: '', rest: raw });
}

/** Go's userinfo rules: only these characters, then each part percent-decoded. */
function parseUserinfo(userinfo: string): Result<{ username: string; password: string | null }> {
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) return err('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  const username = unescape(colon < 0 ? userinfo : userinfo.slice(0, colon), 'userinfo');
  if (!username.ok) return username;
  if (colon < 0) return ok({ username: username.value, password: null });
  const password = unescape(userinfo.slice(colon + 1), 'userinfo');
  if (!password.ok) return password;
  return ok({ username: username.value, password: password.value });
}

function parseHost(host: string): Result<string> {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return err("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return err(`invalid port ${goQuote(colonPort)} after host`);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      const colonPort = host.slice(colon);
      if (!validOptionalPort(colonPort)) return err(`invalid port ${goQuote(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/** Characters Go accepts unescaped in a host (unreserved plus sub-delims and brackets). */
const HOST_SAFE = /[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]/;
/** Characters Go leaves unescaped in a path. */
const PATH_SAFE = /[A-Za-z0-9\-_.~$&+,/:;=@]/;
/** Characters Go leaves unescaped in a user name or password. */
const USERINFO_SAFE = /[A-Za-z0-9\-_.~$&+,;=]/;

/**
 * Go's `unescape`: %XX sequences become bytes, and the bytes are read as UTF-8 (a host
 * "mirr%C3%B6r" is "mirrör"). In a host, %-escapes are allowed only for non-ASCII bytes
 * (and %25), and ASCII characters outside HOST_SAFE are errors.
 */
function unescape(text: string, mode: 'host' | 'path' | 'userinfo'): Result<string> {
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) out += decodeUtf8(bytes);
    bytes = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return err(`invalid URL escape ${goQuote(text.slice(i, i + 3))}`);
      const byte = parseInt(hex, 16);
      if (mode === 'host' && byte < 0x80 && hex !== '25') return err(`invalid URL escape ${goQuote(text.slice(i, i + 3))}`);
      bytes.push(byte);
      i += 2;
      continue;
    }
    flush();
    if (mode === 'host' && c.charCodeAt(0) < 0x80 && !HOST_SAFE.test(c)) {
      return err(`invalid character ${goQuote(c)} in host name`);
    }
    out += c;
  }
  flush();
  return ok(out);
}

/** Go's `escape`: bytes outside the mode's safe set become %XX (upper case), non-ASCII bytes always. */
function escape(text: string, safe: RegExp): string {
  let out = '';
  for (const byte of utf8Bytes(text)) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && safe.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function escapePath(path: string): string {
  return escape(path, PATH_SAFE);
}

/** Go's `URL.EscapedPath`: the written form if it is a valid encoding, else the canonical one. */
function escapedPath(url: GoURL): string {
  if (url.rawPath !== '' && /^(?:[A-Za-z0-9\-_.~$&+,/:;=@!'()*[\]]|%[0-9a-fA-F]{2})*$/.test(url.rawPath)) return url.rawPath;
  return escapePath(url.path);
}

/**
 * Go's `URL.String()` for the URLs this project handles (no opaque form). The host is escaped
 * as Go escapes it: an endpoint `https://mirrör.example.com` is written to hosts.toml as
 * `https://mirr%C3%B6r.example.com/v2`.
 */
export function formatURL(url: GoURL): string {
  let out = url.scheme !== '' ? `${url.scheme}:` : '';
  if (url.scheme !== '' || url.host !== '' || url.user !== null) {
    if (url.host !== '' || url.path !== '' || url.user !== null) out += '//';
    if (url.user !== null) {
      out += escape(url.user.username, USERINFO_SAFE);
      if (url.user.password !== null) out += `:${escape(url.user.password, USERINFO_SAFE)}`;
      out += '@';
    }
    out += escape(url.host, HOST_SAFE);
  }
  const path = escapedPath(url);
  if (path !== '' && !path.startsWith('/') && url.host !== '') out += '/';
  out += path;
  if (url.forceQuery || url.rawQuery !== '') out += `?${url.rawQuery}`;
  if (url.fragment !== '') out += `#${url.fragment}`;
  return out;
}

/** Go's `%q` for the strings this project prints: escapes quotes, backslashes and control characters. */
export function goQuote(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** Go's `url.QueryEscape` (used for the `ns` parameter): only unreserved characters stay. */
export function queryEscape(text: string): string {
  let out = '';
  for (const byte of utf8Bytes(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A string from UTF-8 bytes; an invalid sequence becomes U+FFFD (what Go prints for it). */
function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i] ?? 0;
    const length = first < 0x80 ? 1 : first >= 0xf0 && first < 0xf8 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 && first < 0xe0 ? 2 : 0;
    const continuation = bytes.slice(i + 1, i + length);
    if (length === 0 || continuation.length !== length - 1 || continuation.some((byte) => (byte & 0xc0) !== 0x80)) {
      out += '\ufffd';
      i++;
      continue;
    }
    let code = length === 1 ? first : first & (0xff >> (length + 1));
    for (const byte of continuation) code = (code << 6) | (byte & 0x3f);
    const overlong = (length === 3 && code < 0x800) || (length === 4 && (code < 0x10000 || code > 0x10ffff));
    out += overlong || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    i += length;
  }
  return out;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as Go's conversion does). */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0xfffd;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}
