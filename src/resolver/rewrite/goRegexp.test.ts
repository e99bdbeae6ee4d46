import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { compileGoRegexp, missingRegexEngine, RegexEngineMissing, replaceAllString } from './goRegexp.ts';

function replace(pattern: string, src: string, template: string): string {
  const compiled = compileGoRegexp(pattern, RE2JS);
  if (!compiled.ok) throw new Error(compiled.error);
  return replaceAllString(compiled.value, src, template).text;
}

describe('replaceAllString follows Go, not JavaScript', () => {
  // Vectors from the Go regexp package documentation (ReplaceAllString examples).
  it.each([
    ['a(x*)b', '-ab-axxb-', 'T', '-T-T-'],
    ['a(x*)b', '-ab-axxb-', '$1', '--xx-'],
    ['a(x*)b', '-ab-axxb-', '$1W', '---'],
    ['a(x*)b', '-ab-axxb-', '${1}W', '-W-xxW-'],
    ['a(?P<x>x*)b', '-ab-axxb-', '${x}W', '-W-xxW-'],
  ])('%s on %s with %s', (pattern, src, template, expected) => {
    expect(replace(pattern, src, template)).toBe(expected);
  });

  it('does not append a second replacement for the empty match at the end', () => {
    // JavaScript's "x".replace(/(.*)/g, "c/$1") gives "c/xc/"; Go gives "c/x".
    expect(replace('(.*)', 'rancher/klipper-lb', 'hmirror/$1')).toBe('hmirror/rancher/klipper-lb');
    expect(replace('^(.*)$', 'library/nginx', 'cache/$1')).toBe('cache/library/nginx');
  });

  it('expands a missing group to nothing and keeps a malformed $ literally', () => {
    expect(replace('cpopen', 'cpopen/app', 'local/$1')).toBe('local//app');
    expect(replace('a', 'a', '$$-$-${')).toBe('$-$-${');
  });

  it('anchors ^ at the start of the input only, even after a match', () => {
    expect(replace('^a', 'aaa', 'b')).toBe('baa');
  });

  it('reports RE2 syntax errors instead of throwing', () => {
    const result = compileGoRegexp('^library/(?=x)', RE2JS);
    expect(result.ok).toBe(false);
  });

  it('asks for the engine when it was not supplied', () => {
    expect(() => compileGoRegexp('^x', missingRegexEngine)).toThrow(RegexEngineMissing);
  });
});
