import { describe, expect, it } from 'vitest';
import { lastResults } from './lastResults.ts';

describe('lastResults', () => {
  it('computes a key once while it is among the last few, and never keeps long keys', () => {
    let computed = 0;
    const remember = lastResults<number>(2, 10);
    const get = (key: string) => remember(key, () => ++computed);
    get('a');
    get('b');
    get('a');
    expect(computed).toBe(2);
    get('c'); // drops b, the least recently used
    get('a');
    expect(computed).toBe(3);
    get('b');
    expect(computed).toBe(4);
    get('x'.repeat(11));
    get('x'.repeat(11));
    expect(computed).toBe(6);
  });
});
