import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../scripts/extract-spec-fixtures.ts';
import { specFixtures } from './specFixtures.ts';

const specPath = new URL('../../shared/spec/resolver-spec.md', import.meta.url);

describe('spec fixtures', () => {
  it('are exactly what the spec says (re-extracted from ../shared/spec/resolver-spec.md)', () => {
    if (!existsSync(specPath)) throw new Error(`spec not found at ${specPath.pathname}: shared/ must sit beside the checkout`);
    expect(extract(readFileSync(specPath, 'utf8'))).toEqual(specFixtures);
  });
});
