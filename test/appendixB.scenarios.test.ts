import { describe, expect, it } from 'vitest';
import { resolve, toResolutionJson } from '../src/resolver/index.ts';
import { specFixtures, testEmbeddedRegistry } from './specFixtures.ts';

const VERSIONS = ['v1.32.2+k3s1', 'v1.32.3+k3s1'] as const;

/**
 * Every worked scenario of spec Appendix B (S1–S19b, E1–E12): the files K3s writes and,
 * for each image, the chain each release's containerd walks. The spec labels the embedded
 * registry host "mirror"; the engine calls it "embedded", so it is compared as a mirror.
 */
describe('worked scenarios (Appendix B)', () => {
  it('has all 37 scenarios', () => {
    expect(specFixtures.appendixB).toHaveLength(37);
  });

  describe.each(specFixtures.appendixB.map((scenario) => [`${scenario.id} ${scenario.name}`, scenario] as const))('%s', (_title, scenario) => {
    const resolution = resolve({
      registriesYaml: scenario.registriesYaml,
      images: scenario.images.map((image) => image.image),
      disableDefaultRegistryEndpoint: scenario.flags.disableDefaultRegistryEndpoint,
      embeddedRegistry: scenario.flags.embeddedRegistry ? testEmbeddedRegistry : null,
    });

    it('writes the same hosts.toml files as K3s', () => {
      for (const release of resolution.releases) expect(release.hostsToml, release.id).toEqual(scenario.hostsToml);
    });

    it.each(scenario.images.map((image, index) => [image.image, image, index] as const))('resolves %s as both releases do', (_image, expected, index) => {
      const actual = resolution.images[index];
      expect(actual?.normalized).toBe(expected.normalized);
      for (const version of VERSIONS) {
        expect(actual?.versions[version]?.hostsDir).toBe(expected.hostsDir);
        const chain = actual?.versions[version]?.chain ?? [];
        expect(
          chain.map((endpoint) => ({ url: endpoint.url, kind: endpoint.kind === 'embedded' ? 'mirror' : endpoint.kind, httpFallback: endpoint.httpFallback })),
          version,
        ).toEqual(expected.chains[version].map(({ url, kind, httpFallback }) => ({ url, kind, httpFallback })));
      }
      const parseFailure = expected.chains['v1.32.3+k3s1'].some((endpoint) => endpoint.parseFailure);
      expect(actual?.versions['v1.32.3+k3s1']?.decodeError !== null).toBe(parseFailure);
    });

    it('reports the same results through the JSON form', () => {
      const json = toResolutionJson(resolution);
      for (const version of VERSIONS) {
        expect(json.results[version]?.hostsToml).toEqual(scenario.hostsToml);
        expect(json.results[version]?.images.map((image) => image.chain.map((entry) => entry.url))).toEqual(
          scenario.images.map((image) => image.chains[version].map((entry) => entry.url)),
        );
      }
    });
  });
});
