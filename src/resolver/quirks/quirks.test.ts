import { describe, expect, it } from 'vitest';
import { diagnosticCodes, releaseOf, resolve, type DiagnosticCode } from '../index.ts';
import { testEmbeddedRegistry } from '../../../test/specFixtures.ts';

interface QuirkCase {
  code: DiagnosticCode;
  yaml: string;
  /** 1-based line the diagnostic must point at. */
  line: number;
  flags?: { disable?: boolean; embedded?: boolean };
  images?: string[];
  /** Releases to compare, when the quirk belongs to some releases only. */
  releases?: string[];
  /** hosts.toml files of your own; `file` is the one the diagnostic must be in (`line` is then its line). */
  hostsDirs?: Record<string, string>;
  file?: string;
}

const containerdBoth = ['containerd v1.7.25', 'containerd v2.2.0'];

/** One minimal registries.yaml per diagnostic, each pointing at the line that causes it. */
const cases: QuirkCase[] = [
  // Where yaml.v2 reports it, as the journal shows it: the colon on the next line ("yaml: line 3: mapping values are not allowed").
  { code: 'yaml-syntax', yaml: 'mirrors:\n  docker.io\n    endpoint: [x]\n', line: 3 },
  { code: 'yaml-type', yaml: 'mirrors:\n  docker.io:\n    endpoint: https://m.example.com\n', line: 3 },
  { code: 'yaml-merge', yaml: 'mirrors:\n  a.io:\n    <<: [1]\n', line: 3 },
  { code: 'yaml-alias', yaml: 'mirrors:\n  docker.io: &a\n    endpoint: [https://m.example.com]\n    <<: *a\n', line: 4 },
  { code: 'yaml-multiple-documents', yaml: 'mirrors:\n---\nconfigs:\n', line: 2 },
  { code: 'yaml-document-ends-early', yaml: '  mirrors:\n    docker.io:\n      endpoint: [https://m.example.com]\nconfigs:\n', line: 4 },
  { code: 'unknown-key', yaml: 'mirrors:\n  docker.io:\n    endoint: [x]\n', line: 3 },
  { code: 'auth-token-field', yaml: 'configs:\n  r.example.com:\n    auth:\n      token: abc\n', line: 4 },
  { code: 'section-misplaced', yaml: 'mirrors:\n  a.example.com:\n    endpoint: [https://a.example.com]\n  configs:\n    a.example.com:\n', line: 4 },
  { code: 'duplicate-key', yaml: 'mirrors:\n  a.io:\nmirrors:\n  b.io:\n', line: 3 },
  { code: 'invalid-registry-key', yaml: 'mirrors:\n  "bad host":\n    endpoint: [https://m.example.com]\n', line: 2 },
  { code: 'registry-key-never-matches', yaml: 'mirrors:\n  "https://registry.example.com:5000":\n    endpoint: [https://registry.example.com:5000]\n', line: 2 },
  { code: 'registry-key-never-matches', yaml: 'mirrors:\n  my_gcr:\n    endpoint: [https://gcr.io]\n', line: 2 },
  { code: 'invalid-endpoint', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example.com:port"\n', line: 4 },
  { code: 'empty-endpoint', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - ""\n', line: 4 },
  { code: 'duplicate-endpoint', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - m.example.com\n      - https://m.example.com/v2\n', line: 5 },
  { code: 'default-endpoint-not-last', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - registry-1.docker.io\n      - https://m.example.com\n', line: 4 },
  { code: 'default-endpoint-redundant', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - https://m.example.com\n      - https://registry-1.docker.io\n', line: 5 },
  { code: 'mirror-no-endpoints', yaml: 'mirrors:\n  docker.io:\n', line: 2 },
  { code: 'wildcard-config-tls-lost', yaml: 'mirrors:\n  "*":\n    endpoint: [m.example.com]\nconfigs:\n  "*":\n    tls:\n      insecure_skip_verify: true\n', line: 5 },
  { code: 'wildcard-auth-unused', yaml: 'configs:\n  "*":\n    auth:\n      username: u\n', line: 2 },
  { code: 'wildcard-no-fallback', yaml: 'mirrors:\n  "*":\n    endpoint: [example.com]\n', line: 2 },
  {
    code: 'disable-default-ignored',
    yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\nconfigs:\n  docker.io:\n    auth:\n      username: u\n',
    line: 2,
    flags: { disable: true },
  },
  { code: 'disable-default-no-endpoints', yaml: 'mirrors:\n  docker.io:\n', line: 2, flags: { disable: true } },
  { code: 'config-keyed-by-upstream', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\nconfigs:\n  docker.io:\n    tls:\n      ca_file: /ca.pem\n', line: 5 },
  { code: 'config-host-mismatch', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com:443]\nconfigs:\n  m.example.com:\n    tls:\n      ca_file: /ca.pem\n', line: 5 },
  { code: 'tls-client-pair-incomplete', yaml: 'configs:\n  r.example.com:\n    tls:\n      cert_file: /c.pem\n', line: 4 },
  { code: 'http-endpoint-with-tls', yaml: 'mirrors:\n  docker.io:\n    endpoint: [http://r.example.com:5000]\nconfigs:\n  r.example.com:5000:\n    tls:\n      insecure_skip_verify: true\n', line: 3 },
  { code: 'auth-over-http', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - http://r.example.com:5000\nconfigs:\n  r.example.com:5000:\n    auth:\n      username: u\n', line: 4 },
  { code: 'rewrite-breaks-toml', yaml: "mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      '^library/(\\w+)$': 'hub/$1'\n", line: 5 },
  { code: 'rewrite-invalid-regex', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(?=x)": "y"\n', line: 5 },
  { code: 'rewrite-ambiguous', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^library/(.*)": "a/$1"\n      "^(.*)$": "b/$1"\n', line: 6 },
  { code: 'rewrite-missing-group', yaml: 'mirrors:\n  icr.io:\n    endpoint: [https://a.example.com]\n    rewrite:\n      "cpopen": "local/$1"\n', line: 5 },
  { code: 'rewrite-matches-tag', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^rancher/mirrored-pause:3.6": "x/pause:3.6"\n', line: 5 },
  { code: 'rewrite-without-endpoint', yaml: 'mirrors:\n  docker.io:\n    rewrite:\n      "^(.*)$": "cache/$1"\n', line: 4 },
  { code: 'hosts-file-rejected', yaml: 'configs:\n  "registry.example.com:5000":\n    tls:\n      ca_file: /etc/ssl/ca.pem\n', line: 2, releases: ['v1.29.3+k3s1', 'v1.29.4+k3s1'] },
  { code: 'directory-dropped', yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - https://mirror.example.com\n      - https://registry-1.docker.io\n', line: 2, releases: ['v1.28.7+k3s1'] },
  { code: 'wildcard-config-replaces-mirror', yaml: 'mirrors:\n  "*":\n    endpoint: [https://mirror.example.com]\nconfigs:\n  "*":\n    tls:\n      insecure_skip_verify: true\n', line: 5, releases: ['v1.29.2+k3s1'] },
  { code: 'containerd-cannot-start', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\n    rewrite:\n      "^library/(\\\\w+)$": "hub/$1"\n', line: 5, releases: ['v1.29.0+k3s1'] },
  { code: 'rewrite-on-default-endpoint', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\n    rewrite:\n      "^library/(.*)$": "hub/$1"\n', line: 5, releases: ['v1.25.16+k3s1'] },
  { code: 'hosts-toml-syntax', yaml: '', hostsDirs: { 'docker.io': 'server = "https://registry-1.docker.io"\n[host."https://m.example.com"\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-toml-rejected', yaml: '', hostsDirs: { 'docker.io': 'server = "https://registry-1.docker.io"\nskip_verify = "yes"\n' }, file: 'docker.io', line: 2, releases: ['containerd v2.2.0'] },
  { code: 'hosts-toml-rejected', yaml: '', hostsDirs: { 'docker.io': 'server = "https://registry-1.docker.io"\nca = "/etc/ca.pem"\n' }, file: 'docker.io', line: 1, releases: containerdBoth },
  { code: 'hosts-toml-unknown-capability', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  capabilities = ["pull", "fetch"]\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-toml-tls-shape', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  ca = 42\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-toml-no-fallback', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n' }, file: 'docker.io', line: 1, releases: ['containerd v2.0.4', 'v1.32.3+k3s1'] },
  { code: 'hosts-toml-no-fallback', yaml: '', hostsDirs: { 'docker.io': '# mirror only\nserver = ""\n[host."https://m.example.com"]\n' }, file: 'docker.io', line: 2, releases: ['v1.32.2+k3s1', 'v1.32.3+k3s1'] },
  { code: 'hosts-toml-unknown-key', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  skipverify = true\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-toml-rewrite-ignored', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n[host."https://m.example.com".rewrite]\n  "^library/(.*)" = "hub/$1"\n' }, file: 'docker.io', line: 2, releases: ['containerd v2.0.4', 'v1.32.3+k3s1'] },
  { code: 'hosts-toml-server-no-scheme', yaml: '', hostsDirs: { 'docker.io': '[host."m.example.com:5000"]\n' }, file: 'docker.io', line: 1, releases: containerdBoth },
  { code: 'hosts-toml-host-unreachable', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  capabilities = ["push"]\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-toml-no-resolve', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  capabilities = ["pull"]\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-toml-override-path-no-path', yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  override_path = true\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  { code: 'hosts-dir-replaced', yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://k3s.example.com]\n', hostsDirs: { 'docker.io': '\n[host."https://m.example.com"]\n' }, file: 'docker.io', line: 1, releases: ['v1.32.3+k3s1'] },
  { code: 'hosts-dir-deleted', yaml: '', hostsDirs: { 'quay.io': '[host."https://m.example.com"]\n' }, file: 'quay.io', line: 1, releases: ['v1.29.4+k3s1', 'v1.31.5+k3s1'] },
  { code: 'hosts-dir-not-read', yaml: '', hostsDirs: { 'quay.io': '[host."https://m.example.com"]\n' }, file: 'quay.io', line: 1, releases: ['v1.28.5+k3s1', 'v1.31.5+k3s1'] },
  { code: 'hosts-dir-never-used', yaml: '', hostsDirs: { 'index.docker.io': '[host."https://m.example.com"]\n' }, file: 'index.docker.io', line: 1, releases: containerdBoth },
  { code: 'hosts-default-shadows-nothing', yaml: '', hostsDirs: { _default: '[host."https://m.example.com"]\n', 'docker.io': '' }, file: '_default', line: 1, releases: containerdBoth },
  { code: 'output-cut', yaml: `mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(.*)$": "${'x'.repeat(5_000)}"\n`, line: 5 },
];

function diagnosticsFor(testCase: QuirkCase) {
  return resolve({
    registriesYaml: testCase.yaml,
    images: testCase.images ?? ['nginx'],
    disableDefaultRegistryEndpoint: testCase.flags?.disable ?? false,
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
