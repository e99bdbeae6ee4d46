import { describe, expect, it } from 'vitest';
import { generateHostsToml, parseRegistriesYaml } from '../src/resolver/index.ts';
import type { HostConfig, RegistryEndpoint } from '../src/resolver/k3s/hostConfigs.ts';
import models from './fixtures/k3s-unit-test-models.json' with { type: 'json' };
import { specFixtures, testEmbeddedRegistry } from './specFixtures.ts';

/**
 * K3s `Test_UnitGetHostConfigs` (spec Appendix A): all 46 cases, by their K3s names. Like the K3s
 * test, each case checks the HostConfig model (the test's `want`, transcribed in
 * fixtures/k3s-unit-test-models.json); then the rendered files, which K3s's own generator wrote
 * (both releases write the same files).
 */
interface ExpectedEndpoint {
  url: string | null;
  overridePath?: true;
  auth?: true;
  tls?: { ca: string; cert: string; key: string; skip: boolean };
  rewrites?: Record<string, string>;
}

type ExpectedModels = Record<string, { default: ExpectedEndpoint | null; endpoints: ExpectedEndpoint[] }>;

/** Our model in the shape of the K3s test's `want`: only what K3s's struct holds. */
function asWant(hosts: ReadonlyMap<string, HostConfig>): ExpectedModels {
  const endpoint = (value: RegistryEndpoint): ExpectedEndpoint => ({
    url: value.url,
    ...(value.overridePath ? { overridePath: true as const } : {}),
    ...(value.config.hasAuth ? { auth: true as const } : {}),
    ...(value.config.tls !== null
      ? { tls: { ca: value.config.tls.caFile, cert: value.config.tls.certFile, key: value.config.tls.keyFile, skip: value.config.tls.insecureSkipVerify } }
      : {}),
    ...((value.rewrites?.length ?? 0) > 0 ? { rewrites: Object.fromEntries((value.rewrites ?? []).map((rule) => [rule.pattern, rule.replacement])) } : {}),
  });
  return Object.fromEntries([...hosts].map(([dir, host]) => [dir, { default: host.default === null ? null : endpoint(host.default), endpoints: host.endpoints.map(endpoint) }]));
}

describe('K3s Test_UnitGetHostConfigs (Appendix A)', () => {
  it('has all 46 cases, each with its K3s model', () => {
    expect(specFixtures.appendixA).toHaveLength(46);
    expect(Object.keys(models.cases)).toEqual(specFixtures.appendixA.map((testCase) => testCase.id));
  });

  it.each(specFixtures.appendixA.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const parsed = parseRegistriesYaml(testCase.registriesYaml);
    expect(parsed.loadable).toBe(true);
    const { hostsToml, hostConfigs } = generateHostsToml(parsed.registry, {
      disableDefaultRegistryEndpoint: testCase.flags.disableDefaultRegistryEndpoint,
      embeddedRegistry: testCase.flags.embeddedRegistry ? testEmbeddedRegistry : null,
    });
    expect(asWant(hostConfigs)).toEqual((models.cases as Record<string, ExpectedModels>)[testCase.id]);
    expect(Object.keys(hostsToml).sort()).toEqual(Object.keys(testCase.hostsToml).sort());
    for (const [dir, text] of Object.entries(testCase.hostsToml)) expect(hostsToml[dir], `certs.d/${dir}/hosts.toml`).toBe(text);
  });
});
