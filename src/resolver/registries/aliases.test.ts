import { describe, expect, it } from 'vitest';
import { allowedAliasRatio } from './aliasBudget.ts';
import { decodeDocument } from './decode.ts';
import { registryType } from './goTypes.ts';
import { parseRegistriesYaml } from './parse.ts';
import { readFirstYamlV2Document } from './yamlV2/compose.ts';

/**
 * gopkg.in/yaml.v2 v2.4.0's alias rules (decode.go `unmarshal`, `alias`, `allowedAliasRatio`,
 * `parser.alias`): K3s refuses a registries.yaml that breaks them, so the playground must too,
 * with the same error text, and must never do more work than yaml.v2 allows.
 */

function decode(text: string) {
  const read = readFirstYamlV2Document(text);
  if (read.error !== null) throw new Error(read.error.message);
  return decodeDocument(read, registryType);
}

function fatal(text: string) {
  const parsed = parseRegistriesYaml(text);
  const found = parsed.diagnostics.find((diagnostic) => diagnostic.code === 'yaml-alias' || diagnostic.code === 'yaml-merge');
  const line = found === undefined ? null : text.slice(0, found.span.start).split('\n').length;
  return { loadable: parsed.loadable, message: found?.message ?? null, line };
}

/**
 * K mirrors whose endpoint list aliases one list of N items, defined on the first mirror.
 * Counting yaml.v2's unmarshal calls: 4 steps to reach `mirrors`; the first mirror costs
 * 4 + N plain steps; every aliased mirror costs 4 plain steps (key, map, field key, the alias
 * node) and 1 + N alias steps (the list and its items). After K aliased mirrors that is
 * K(1+N) alias steps out of 8 + N + K(5+N), which for N = 1,000 exceeds the 99 % allowed
 * first at K = 165 (165,165 / 166,833 = 0.990002), while K = 164 stays at 0.98997.
 */
function sharedEndpointList(items: number, aliasedMirrors: number): string {
  const list = `[${Array.from({ length: items }, () => 'e').join(', ')}]`;
  const aliased = Array.from({ length: aliasedMirrors }, (_, index) => `  m${index + 1}:\n    endpoint: *l\n`).join('');
  return `mirrors:\n  m0:\n    endpoint: &l ${list}\n${aliased}`;
}

describe('yaml.v2 alias rules', () => {
  it('allows 99 % alias steps up to 400,000 steps, then less, down to 10 %', () => {
    expect(allowedAliasRatio(1_000)).toBe(0.99);
    expect(allowedAliasRatio(400_000)).toBe(0.99);
    expect(allowedAliasRatio(2_200_000)).toBeCloseTo(0.545, 10);
    expect(allowedAliasRatio(4_000_000)).toBe(0.1);
  });

  it('loads a file just under the excessive-aliasing limit', () => {
    const text = sharedEndpointList(1_000, 164);
    const parsed = parseRegistriesYaml(text);
    expect(parsed.loadable).toBe(true);
    expect(parsed.registry.mirrors.size).toBe(165);
    expect(decode(text).work).toEqual({ decodeCount: 1_008 + 164 * 1_005, aliasCount: 164 * 1_001 });
  });

  it('refuses one alias more with yaml.v2\'s exact error, at the alias that crossed the limit', () => {
    const text = sharedEndpointList(1_000, 165);
    expect(fatal(text)).toEqual({
      loadable: false,
      message: 'K3s cannot load registries.yaml and the agent fails to start: yaml: document contains excessive aliasing.',
      line: 2 + 1 + 165 * 2,
    });
  });

  it('stops a merge fan-out (ten levels of ten aliases) within a hundred times the plain steps', () => {
    const levels = ['a: &a {x: 1}'];
    for (let level = 1; level < 10; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} {<<: [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]}`);
    }
    const text = `${levels.join('\n')}\nmirrors:\n  docker.io:\n    <<: *j\n`;
    // 523 characters of YAML: about 170 in a link.
    expect(text.length).toBeLessThan(600);
    const { issues, work } = decode(text);
    expect(issues.at(-1)).toMatchObject({ kind: 'alias', message: 'document contains excessive aliasing' });
    // 17 plain steps (the document, the root map, its 11 keys, docker.io and its map) allow at
    // most 99 alias steps each: yaml.v2 stops at the first step where aliases pass 99 %.
    expect(work.decodeCount - work.aliasCount).toBe(17);
    expect(work.decodeCount).toBe(1_701);
    expect(fatal(text)).toMatchObject({ loadable: false, line: 13 });
  });

  it('refuses a merge that refers to its own mapping, at the alias', () => {
    const text = 'mirrors:\n  docker.io: &a\n    endpoint: [https://mirror.example.com]\n    <<: *a\n';
    expect(fatal(text)).toEqual({
      loadable: false,
      message: "K3s cannot load registries.yaml and the agent fails to start: yaml: anchor 'a' value contains itself.",
      line: 4,
    });
  });

  it('refuses a self-merge through a list of merges too, but not an alias yaml.v2 never decodes', () => {
    expect(fatal('configs:\n  r.example.com: &c\n    tls: {}\n    <<: [*c]\n')).toMatchObject({ loadable: false, message: expect.stringContaining("yaml: anchor 'c' value contains itself") as unknown, line: 4 });
    // Unknown keys are skipped without decoding their values, so yaml.v2 never expands this one.
    expect(fatal('x-templates: &t\n  inner: *t\nmirrors:\n  docker.io:\n').loadable).toBe(true);
  });

  it('refuses an alias to an anchor that is not defined before it, even where nothing is decoded', () => {
    expect(fatal('x-later: *defined-below\nx-def: &defined-below 1\n')).toEqual({
      loadable: false,
      message: "K3s cannot load registries.yaml and the agent fails to start: yaml: unknown anchor 'defined-below' referenced.",
      line: 1,
    });
  });

  it('resolves a redefined anchor to its latest definition, as yaml.v2 does', () => {
    const parsed = parseRegistriesYaml('x: &e [first]\ny: &e [second]\nmirrors:\n  docker.io:\n    endpoint: *e\n');
    expect(parsed.registry.mirrors.get('docker.io')?.endpoints.map((endpoint) => endpoint.value)).toEqual(['second']);
  });

  it('refuses a merge of something other than a map, and stops there', () => {
    expect(fatal('mirrors:\n  docker.io:\n    <<: [x]\n')).toEqual({
      loadable: false,
      message: 'K3s cannot load registries.yaml and the agent fails to start: yaml: map merge requires map or sequence of maps as the value.',
      line: 3,
    });
  });

  it('counts decode steps linearly for a long file without aliases', () => {
    const entries = (count: number) => `mirrors:\n${Array.from({ length: count }, (_, index) => `  r${index}.example.com:\n    endpoint: [a, b]\n`).join('')}`;
    const small = decode(entries(1_000)).work;
    const large = decode(entries(4_000)).work;
    expect(small.aliasCount + large.aliasCount).toBe(0);
    expect(large.decodeCount - 4).toBe(4 * (small.decodeCount - 4));
  });
});
