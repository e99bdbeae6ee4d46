import { describe, expect, it } from 'vitest';
import { generateHostsToml, parseRegistriesYaml } from '../src/resolver/index.ts';
import { specFixtures, testEmbeddedRegistry } from './specFixtures.ts';

/**
 * K3s `Test_UnitGetHostConfigs` (spec Appendix A): all 46 cases, by their K3s names.
 * Expected files were rendered by K3s's own generator; both releases write the same files.
 */
describe('K3s Test_UnitGetHostConfigs (Appendix A)', () => {
  it('has all 46 cases', () => {
    expect(specFixtures.appendixA).toHaveLength(46);
  });

  it.each(specFixtures.appendixA.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const parsed = parseRegistriesYaml(testCase.registriesYaml);
    expect(parsed.loadable).toBe(true);
    const { hostsToml } = generateHostsToml(parsed.registry, {
      disableDefaultRegistryEndpoint: testCase.flags.disableDefaultRegistryEndpoint,
      embeddedRegistry: testCase.flags.embeddedRegistry ? testEmbeddedRegistry : null,
    });
    expect(Object.keys(hostsToml).sort()).toEqual(Object.keys(testCase.hostsToml).sort());
    for (const [dir, text] of Object.entries(testCase.hostsToml)) expect(hostsToml[dir], `certs.d/${dir}/hosts.toml`).toBe(text);
  });
});
