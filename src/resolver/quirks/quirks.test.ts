import { describe, expect, it } from 'vitest';
import { diagnosticCodes, releaseOf, resolve, type DiagnosticCode } from '../index.ts';
import { testEmbeddedRegistry } from '../../../test/specFixtures.ts';
import { ruleExamples, type RuleExample } from '../../docs/rules/examples.ts';

interface QuirkCase extends RuleExample {
  code: DiagnosticCode;
  flags?: { disableDefaultRegistryEndpoint?: boolean; embedded?: boolean };
  images?: string[];
}

/**
 * One minimal registries.yaml per diagnostic (the examples on the rule pages), each pointing at
 * the line that causes it, and a few more shapes of the same codes.
 */
const cases: QuirkCase[] = [
  ...(Object.entries(ruleExamples) as [DiagnosticCode, RuleExample][]).map(([code, example]) => ({ code, ...example })),
  { code: 'registry-key-never-matches', yaml: 'mirrors:\n  my_gcr:\n    endpoint: [https://gcr.io]\n', line: 2 },
  { code: 'hosts-toml-rejected', yaml: '', hostsDirs: { 'docker.io': 'server = "https://registry-1.docker.io"\nskip_verify = "yes"\n' }, file: 'docker.io', line: 2, releases: ['containerd v2.2.0'] },
  { code: 'hosts-toml-no-fallback', yaml: '', hostsDirs: { 'docker.io': '# mirror only\nserver = ""\n[host."https://m.example.com"]\n' }, file: 'docker.io', line: 2, releases: ['v1.32.2+k3s1', 'v1.32.3+k3s1'] },
];

function diagnosticsFor(testCase: QuirkCase) {
  return resolve({
    registriesYaml: testCase.yaml,
    images: testCase.images ?? ['nginx'],
    disableDefaultRegistryEndpoint: testCase.flags?.disableDefaultRegistryEndpoint ?? false,
    embeddedRegistry: testCase.flags?.embedded === true ? testEmbeddedRegistry : null,
    ...(testCase.releases !== undefined ? { releases: testCase.releases.map((name) => releaseOf(name)) } : {}),
    ...(testCase.hostsDirs !== undefined ? { hostsDirs: testCase.hostsDirs } : {}),
  }).diagnostics;
}

describe('quirk diagnostics', () => {
  it.each(cases.map((testCase) => [testCase.code, testCase] as const))('%s points at the line that causes it', (code, testCase) => {
    const found = diagnosticsFor(testCase).filter((diagnostic) => diagnostic.code === code && diagnostic.file === testCase.file);
    expect(found.length, JSON.stringify(diagnosticsFor(testCase))).toBeGreaterThan(0);
    expect(found[0]?.line).toBe(testCase.line);
    expect(found[0]?.severity).toBe(diagnosticCodes[code].severity);
    expect(found[0]?.message.length).toBeGreaterThan(20);
  });

  it('names only the compared releases that have a release quirk, and where it is fixed', () => {
    const seed = 'mirrors:\n  "*":\n    endpoint: [https://mirror.example.com]\n';
    const found = (releases: string[]) => diagnosticsFor({ code: 'wildcard-no-fallback', yaml: seed, line: 0, releases }).filter((item) => item.code === 'wildcard-no-fallback');
    expect(found(['v1.32.3+k3s1', 'v1.33.0+k3s1'])).toEqual([]);
    const [bug] = found(['v1.31.6+k3s1', 'v1.32.3+k3s1']);
    expect(bug?.releases).toEqual(['v1.31.6+k3s1']);
    expect(bug?.message).toContain('v1.31.6+k3s1 (fixed in v1.31.7+k3s1)');
    expect(bug?.message).not.toContain('v1.32.3');
    // January 2024 releases write no server at all for _default: the same outcome, another cause.
    expect(found(['v1.29.2+k3s1', 'v1.29.4+k3s1'])[0]?.message).toMatch(/v1\.29\.2\+k3s1 \(fixed in v1\.29\.3\+k3s1\) K3s writes _default\/hosts.toml without a server line/);
  });

  it('covers every diagnostic code', () => {
    const covered = new Set(cases.map((testCase) => testCase.code));
    const untested = Object.keys(diagnosticCodes).filter((code) => !covered.has(code as DiagnosticCode));
    expect(untested).toEqual([]);
  });

  it('stays quiet about a clean configuration', () => {
    const clean = 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://mirror.example.com"\nconfigs:\n  mirror.example.com:\n    auth:\n      username: u\n      password: p\n';
    expect(diagnosticsFor({ code: 'unknown-key', yaml: clean, line: 0 })).toEqual([]);
  });

  it('does not warn about null mirror entries used for the embedded registry', () => {
    const spegel = 'mirrors:\n  docker.io:\n  registry.k8s.io:\n';
    expect(diagnosticsFor({ code: 'unknown-key', yaml: spegel, line: 0, flags: { embedded: true } })).toEqual([]);
  });

  it('judges endpoints as K3s normalised them: the embedded registry address is HTTPS, not plain HTTP', () => {
    const yaml = 'mirrors:\n  docker.io:\n    endpoint: ["127.0.0.1:6443"]\nconfigs:\n  "127.0.0.1:6443":\n    tls:\n      insecure_skip_verify: true\n';
    const codes = (embedded: boolean) => diagnosticsFor({ code: 'http-endpoint-with-tls', yaml, line: 0, flags: { embedded } }).map((found) => found.code);
    // Without the embedded registry, 127.0.0.1:6443 is a plain-HTTP local registry with TLS settings.
    expect(codes(false)).toContain('http-endpoint-with-tls');
    expect(codes(true)).not.toContain('http-endpoint-with-tls');
  });

  it('gives end positions after start positions', () => {
    for (const testCase of cases) {
      for (const found of diagnosticsFor(testCase)) {
        expect(found.endLine > found.line || (found.endLine === found.line && found.endColumn >= found.column), `${found.code}`).toBe(true);
      }
    }
  });
});

describe('quirks of one generator among older releases', () => {
  it('say which compared releases they describe', () => {
    const yaml = 'mirrors:\n  docker.io:\n    endpoint:\n      - m.example.com\n      - https://m.example.com/v2\n';
    const found = resolve({ registriesYaml: yaml, images: ['nginx'], releases: [releaseOf('v1.28.7+k3s1'), releaseOf('v1.28.9+k3s1')] }).diagnostics;
    const duplicate = found.find((item) => item.code === 'duplicate-endpoint');
    expect(duplicate?.releases).toEqual(['v1.28.9+k3s1']);
    expect(duplicate?.message).toMatch(/^On v1\.28\.9\+k3s1: /);
    // On v1.28.7 the duplicates are written twice and containerd 1.7 rejects the file.
    expect(found.find((item) => item.code === 'hosts-file-rejected')).toMatchObject({ releases: ['v1.28.7+k3s1'], message: expect.stringContaining('duplicated tables') });
  });
});
