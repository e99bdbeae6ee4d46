import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolve, toResolutionJson } from '../src/resolver/index.ts';

/**
 * registries.yaml files users posted publicly, mistakes included
 * (../shared/data/real-world-configs.json). Each one must get the files K3s would write,
 * or the error that stops K3s. The full output is pinned in a file snapshot that the engine
 * itself generated: it is a regression net (any change in output shows up in review), not a
 * source of truth. What is known to be right about the notable files is asserted explicitly below.
 */
interface RealWorldConfig {
  id: string;
  source: string;
  registries_yaml: string;
  images: string[];
  notes: string;
}

const corpusPath = new URL('../../shared/data/real-world-configs.json', import.meta.url);
const SAMPLE_IMAGES = ['nginx', 'rancher/mirrored-pause:3.6', 'quay.io/coreos/etcd:v3.5.0', 'registry.k8s.io/pause:3.10', 'ghcr.io/foo/bar:1'];

describe('real-world registries.yaml corpus', () => {
  if (!existsSync(corpusPath)) throw new Error(`corpus not found at ${corpusPath.pathname}: shared/ must sit beside the checkout`);
  const corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as RealWorldConfig[];
  const results = new Map(
    corpus.map((entry) => [entry.id, resolve({ registriesYaml: entry.registries_yaml, images: entry.images.length > 0 ? entry.images : SAMPLE_IMAGES })] as const),
  );
  const get = (id: string) => {
    const result = results.get(id);
    if (result === undefined) throw new Error(`no corpus entry ${id}`);
    return { ...result, hostsToml: result.releases[0]?.hostsToml ?? {}, codes: result.diagnostics.map((found) => found.code) };
  };

  it('resolves every file to hosts.toml files or to the error that stops K3s', async () => {
    const summary = corpus.map((entry) => {
      const result = get(entry.id);
      return {
        id: entry.id,
        loadable: result.loadable,
        hostsToml: result.hostsToml,
        diagnostics: result.diagnostics.map((found) => `${found.line}:${found.column} ${found.severity} ${found.code}`),
        chains: toResolutionJson(result).results['v1.32.3+k3s1']?.images.map((image) => [image.image, ...image.chain.map((entry) => entry.url)]),
      };
    });
    for (const entry of summary) expect(entry.loadable || entry.diagnostics.some((line) => line.includes(' error yaml-'))).toBe(true);
    await expect(`${JSON.stringify(summary, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/real-world-configs.json');
  });

  it('RW112: the published docs example with a missing colon stops K3s', () => {
    const result = get('RW112');
    expect(result.loadable).toBe(false);
    expect(result.codes[0]).toBe('yaml-syntax');
    expect(result.hostsToml).toEqual({});
  });

  it('RW046: lost indentation leaves mirrors empty and two unknown top-level keys', () => {
    const result = get('RW046');
    expect(result.loadable).toBe(true);
    expect(result.hostsToml).toEqual({});
    expect(result.codes.filter((code) => code === 'unknown-key')).toHaveLength(2);
  });

  it('RW043: configs nested under mirrors becomes a mirror named "configs"', () => {
    expect(get('RW043').codes).toContain('section-misplaced');
  });

  it('RW014: anchors and merge keys share auth across the regional hosts', () => {
    const result = get('RW014');
    expect(Object.keys(result.hostsToml).sort()).toEqual(['eu.gcr.io', 'gcr.io', 'us.gcr.io']);
  });

  it('RW089: the "endoint" typo silently drops the docker.io mirror', () => {
    const result = get('RW089');
    expect(result.codes).toContain('unknown-key');
    expect(Object.keys(result.hostsToml)).toEqual(['registry.structx.local']);
  });

  it('RW017: a scheme in the mirror key is never matched by an image', () => {
    expect(get('RW017').codes).toContain('registry-key-never-matches');
  });

  it('RW010: rewrites without capture groups expand $1 to nothing', () => {
    expect(get('RW010').codes).toContain('rewrite-missing-group');
  });

  it('RW097: rewrites that include tags never match', () => {
    expect(get('RW097').codes).toContain('rewrite-matches-tag');
  });

  it('RW113: the docs wildcard example loses its configs."*" TLS and has no fallback on v1.32.2', () => {
    const result = get('RW113');
    expect(result.codes).toContain('wildcard-config-tls-lost');
    expect(result.codes).toContain('wildcard-no-fallback');
    expect(result.diagnostics.find((found) => found.code === 'wildcard-no-fallback')?.releases).toEqual(['v1.32.2+k3s1']);
    const quay = result.images.find((image) => image.image.startsWith('quay.io'));
    expect(quay?.versions['v1.32.2+k3s1']?.chain.map((endpoint) => endpoint.kind)).toEqual(['mirror']);
    expect(quay?.versions['v1.32.3+k3s1']?.chain.map((endpoint) => endpoint.kind)).toEqual(['mirror', 'default']);
  });

  it('RW028 and RW049: TLS or auth keyed by the upstream instead of the mirror host', () => {
    expect(get('RW028').codes).toContain('config-keyed-by-upstream');
    expect(get('RW049').codes).toContain('config-keyed-by-upstream');
  });
});
