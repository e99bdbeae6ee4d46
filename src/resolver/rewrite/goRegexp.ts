import type { RE2JS } from 're2js';
import { err, ok, type Result } from '../result.ts';

/**
 * Go `regexp` behaviour for rewrite rules, on top of re2js (same RE2 syntax and
 * leftmost-first matching). JavaScript's String.replace differs from Go in two ways
 * that change real rewrites, so both are done here the Go way:
 *   - ReplaceAllString never inserts a replacement for an empty match right after a
 *     previous match: `(.*)` -> `cache/$1` gives "cache/x", not "cache/xcache/".
 *   - Template expansion (`Regexp.Expand`): `$name` takes the longest run of letters,
 *     digits and `_`, so `$1x` is the (missing) group "1x" and expands to nothing;
 *     `${1}x` is group 1 then "x"; `$$` is "$"; a malformed `$` is kept literally.
 */
/**
 * The RE2 engine (re2js's `RE2JS`). Passed in rather than imported so that a browser can
 * load its ~45 KB only when a registries.yaml actually has rewrites.
 */
export type RegexEngine = Pick<typeof RE2JS, 'compile'>;

/** Thrown when a rewrite must be evaluated and no engine was supplied: load it, then resolve again. */
export class RegexEngineMissing extends Error {
  constructor() {
    super('a rewrite needs the RE2 engine (re2js), which was not supplied');
    this.name = 'RegexEngineMissing';
  }
}

/** Stands in until the real engine is loaded. */
export const missingRegexEngine: RegexEngine = {
  compile: () => {
    throw new RegexEngineMissing();
  },
};

export interface GoRegexp {
  pattern: string;
  re: RE2JS;
  groupCount: number;
  namedGroups: Readonly<Record<string, number>>;
}

const compiledByEngine = new WeakMap<RegexEngine, Map<string, Result<GoRegexp>>>();

/** `regexp.Compile`, memoised: the same few patterns are applied to thousands of images. */
export function compileGoRegexp(pattern: string, engine: RegexEngine): Result<GoRegexp> {
  let compiled = compiledByEngine.get(engine);
  if (compiled === undefined) compiledByEngine.set(engine, (compiled = new Map()));
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let result: Result<GoRegexp>;
  try {
    const re = engine.compile(pattern);
    result = ok({ pattern, re, groupCount: re.groupCount(), namedGroups: re.namedGroups() });
  } catch (error) {
    if (error instanceof RegexEngineMissing) throw error;
    result = err(error instanceof Error ? error.message : String(error));
  }
  if (compiled.size > 5_000) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

/**
 * Go `Regexp.ReplaceAllString(src, template)`, producing at most `maxLength` characters: a
 * replacement like `$1$1$1…` or 900,000 literal characters would otherwise build megabytes
 * for every image. `cut` says the real result is longer than `text`.
 */
export function replaceAllString(regexp: GoRegexp, src: string, template: string, maxLength = Infinity): { text: string; cut: boolean } {
  const matcher = regexp.re.matcher(src);
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length && matcher.find(searchPos)) {
    const start = matcher.start();
    const end = matcher.end();
    out += src.slice(lastMatchEnd, start);
    // Skip an empty match immediately after the previous one (Go's rule, see above).
    if (end > lastMatchEnd || start === 0) out += expand(regexp, template, src, matcher, maxLength - out.length);
    if (out.length > maxLength) return { text: out.slice(0, maxLength), cut: true };
    lastMatchEnd = end;
    const width = runeWidth(src, searchPos);
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  out += src.slice(lastMatchEnd);
  return out.length > maxLength ? { text: out.slice(0, maxLength), cut: true } : { text: out, cut: false };
}

interface GroupSource {
  start(group: number): number;
  end(group: number): number;
}

/** Go `Regexp.Expand` for one match; stops once it has more than `maxLength` characters. */
export function expand(regexp: GoRegexp, template: string, src: string, match: GroupSource, maxLength = Infinity): string {
  let out = '';
  let rest = template;
  while (out.length <= maxLength) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const reference = extractGroupReference(rest);
    if (reference === null) {
      out += '$';
      continue;
    }
    rest = reference.rest;
    const group = reference.number ?? (Object.hasOwn(regexp.namedGroups, reference.name) ? regexp.namedGroups[reference.name] : undefined);
    if (group !== undefined && group <= regexp.groupCount) {
      const start = match.start(group);
      if (start >= 0) out += src.slice(start, match.end(group));
    }
  }
  // Only the characters that can still matter are appended (the caller cuts at maxLength).
  return out.length > maxLength ? out : out + rest.slice(0, maxLength - out.length + 1);
}

/** Go's `extract`: `name` or `{name}` after a `$`; a name made only of digits is a group number. */
export function extractGroupReference(text: string): { name: string; number: number | null; rest: string } | null {
  const braced = text.startsWith('{');
  const body = braced ? text.slice(1) : text;
  const name = /^[\p{L}\p{Nd}_]+/u.exec(body)?.[0];
  if (name === undefined) return null;
  let consumed = name.length;
  if (braced) {
    if (body[consumed] !== '}') return null;
    consumed++;
  }
  const isNumber = /^[0-9]+$/.test(name) && !(name.length > 1 && name.startsWith('0')) && name.length <= 8;
  return { name, number: isNumber ? Number(name) : null, rest: body.slice(consumed) };
}

function runeWidth(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}
