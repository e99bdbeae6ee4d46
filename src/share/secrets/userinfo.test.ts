import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUserinfo } from './userinfo.ts';

/** The pattern the single-pass scan implements (as a regex it is quadratic on long runs of letters). */
const WITH_SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\s/?#@"'<>\\[\]{}]+)@/g;

describe('user info after a scheme', () => {
  it('finds exactly what the scheme://userinfo@ pattern finds', () => {
    const alphabet = fc.constantFrom('a', 'b', 'Z', '1', '+', '.', '-', ':', '/', '@', ' ', '"', '#', '?', '[', 'x:', '://', 'https://', 'u:p@');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const expected = [...text.matchAll(WITH_SCHEME)].map((match) => {
          const userinfo = match[1] ?? '';
          return { start: (match.index ?? 0) + match[0].length - userinfo.length - 1, end: (match.index ?? 0) + match[0].length - 1 };
        });
        expect(findUserinfo(text, { bare: 'none' }).map(({ start, end }) => ({ start, end }))).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads user and password, percent-decoded, for the leak check', () => {
    expect(findUserinfo('[host."https://robot%24k3s:pa%40ss@mirror.example.com"]', { bare: 'none' })).toEqual([
      { start: 15, end: 34, secrets: ['robot%24k3s', 'robot$k3s', 'pa%40ss', 'pa@ss'], replacement: 'redacted:redacted' },
    ]);
  });
});
