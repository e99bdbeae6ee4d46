/**
 * The image-reference grammar of distribution/reference (v0.5.0, the version K3s pins),
 * built from named productions so each piece can be read against the EBNF:
 *
 *   reference            := name [ ":" tag ] [ "@" digest ]
 *   name                 := [domainAndPort "/"] remoteName
 *   domainAndPort        := host [":" port-number]
 *   host                 := domainName | ipv6address
 *   domainName           := domainNameComponent ("." domainNameComponent)*
 *   domainNameComponent  := /[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]/
 *   remoteName           := pathComponent ("/" pathComponent)*
 *   pathComponent        := alphanumeric (separator alphanumeric)*
 *   alphanumeric         := /[a-z0-9]+/
 *   separator            := /[._]|__|[-]+/
 *   tag                  := /[\w][\w.-]{0,127}/
 *   digest               := algorithm ":" hex{32,}
 *   identifier           := /[a-f0-9]{64}/
 *
 * Every production is small and unambiguous, so native RegExp matching stays
 * polynomial (the upstream code uses Go's linear-time engine).
 */

/** Wraps the parts in a non-capturing group and makes it optional. */
const optional = (...parts: string[]): string => `(?:${parts.join('')})?`;
/** Wraps the parts in a non-capturing group repeated any number of times. */
const anyTimes = (...parts: string[]): string => `(?:${parts.join('')})*`;
/** Wraps the parts in a capturing group. */
const capture = (...parts: string[]): string => `(${parts.join('')})`;
/** Anchors the expression at both ends. */
const anchored = (...parts: string[]): string => `^${parts.join('')}$`;

/** Lower-case letters and digits only: repository names are lower case. */
const alphanumeric = '[a-z0-9]+';
/** One period, one or two underscores, or any run of dashes (hostnames may contain "--"). */
const separator = '(?:[._]|__|[-]+)';
/** A DNS-like label; upper case is allowed here, which is why "Foo/bar" parses with domain "Foo". */
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
/** Go's \w is ASCII-only, so it is spelled out. */
const tag = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const identifier = '([a-f0-9]{64})';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = domainNameComponent + anyTimes('\\.', domainNameComponent);
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = alphanumeric + anyTimes(separator, alphanumeric);
const remoteName = pathComponent + anyTimes('/', pathComponent);
const namePat = optional(domainAndPort, '/') + remoteName;

/** Groups: 1 name, 2 tag, 3 digest. */
export const referenceRegexp = new RegExp(
  anchored(capture(namePat), optional(':', capture(tag)), optional('@', capture(digestPat))),
);
/** Groups: 1 domain (optional), 2 remote name. */
export const anchoredNameRegexp = new RegExp(
  anchored(optional(capture(domainAndPort), '/'), capture(remoteName)),
);
export const anchoredIdentifierRegexp = new RegExp(anchored(identifier));

/** Longest accepted name (domain + path), in characters. */
export const NAME_TOTAL_LENGTH_MAX = 255;
