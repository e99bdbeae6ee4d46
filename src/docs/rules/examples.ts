import type { DiagnosticCode, Release, ResolveInput } from '../../resolver/index.ts';

/** A minimal input that produces one diagnostic code, and where the diagnostic points. */
export interface RuleExample {
  /** The registries.yaml (empty when the example is a certs.d file alone). */
  yaml: string;
  /** 1-based line the diagnostic points at, in the YAML or in `file`. */
  line: number;
  flags?: { disableDefaultRegistryEndpoint?: boolean };
  /** Releases the example is resolved against, when the code belongs to some releases only. */
  releases?: string[];
  /** hosts.toml files of your own; `file` is the directory whose hosts.toml the diagnostic is in. */
  hostsDirs?: Record<string, string>;
  file?: string;
}

/** What the engine is given for an example, against the releases asked for (the page's, or every release). */
export function exampleInput(example: RuleExample, releases: Release[]): ResolveInput {
  return {
    registriesYaml: example.yaml,
    images: ['nginx'],
    releases,
    disableDefaultRegistryEndpoint: example.flags?.disableDefaultRegistryEndpoint ?? false,
    ...(example.hostsDirs !== undefined ? { hostsDirs: example.hostsDirs } : {}),
  };
}

const containerdBoth = ['containerd v1.7.25', 'containerd v2.2.0'];

/**
 * One minimal example per diagnostic code: the rule pages show them, and the tests check that each
 * one really produces its code at its line (so a page can never show an example that does not fire).
 */
export const ruleExamples: Readonly<Record<DiagnosticCode, RuleExample>> = {
  // Where yaml.v2 reports it, as the journal shows it: the colon on the next line ("yaml: line 3: mapping values are not allowed").
  'yaml-syntax': { yaml: 'mirrors:\n  docker.io\n    endpoint: [x]\n', line: 3 },
  'yaml-type': { yaml: 'mirrors:\n  docker.io:\n    endpoint: https://m.example.com\n', line: 3 },
  'yaml-merge': { yaml: 'mirrors:\n  a.io:\n    <<: [1]\n', line: 3 },
  'yaml-alias': { yaml: 'mirrors:\n  docker.io: &a\n    endpoint: [https://m.example.com]\n    <<: *a\n', line: 4 },
  'yaml-multiple-documents': { yaml: 'mirrors:\n---\nconfigs:\n', line: 2 },
  'yaml-document-ends-early': { yaml: '  mirrors:\n    docker.io:\n      endpoint: [https://m.example.com]\nconfigs:\n', line: 4 },
  'unknown-key': { yaml: 'mirrors:\n  docker.io:\n    endoint: [x]\n', line: 3 },
  'auth-token-field': { yaml: 'configs:\n  r.example.com:\n    auth:\n      token: abc\n', line: 4 },
  'section-misplaced': { yaml: 'mirrors:\n  a.example.com:\n    endpoint: [https://a.example.com]\n  configs:\n    a.example.com:\n', line: 4 },
  'duplicate-key': { yaml: 'mirrors:\n  a.io:\nmirrors:\n  b.io:\n', line: 3 },
  'invalid-registry-key': { yaml: 'mirrors:\n  "bad host":\n    endpoint: [https://m.example.com]\n', line: 2 },
  'registry-key-never-matches': { yaml: 'mirrors:\n  "https://registry.example.com:5000":\n    endpoint: [https://registry.example.com:5000]\n', line: 2 },
  'invalid-endpoint': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example.com:port"\n', line: 4 },
  'empty-endpoint': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - ""\n', line: 4 },
  'duplicate-endpoint': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - m.example.com\n      - https://m.example.com/v2\n', line: 5 },
  'default-endpoint-not-last': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - registry-1.docker.io\n      - https://m.example.com\n', line: 4 },
  'default-endpoint-redundant': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - https://m.example.com\n      - https://registry-1.docker.io\n', line: 5 },
  'mirror-no-endpoints': { yaml: 'mirrors:\n  docker.io:\n', line: 2 },
  'wildcard-config-tls-lost': { yaml: 'mirrors:\n  "*":\n    endpoint: [m.example.com]\nconfigs:\n  "*":\n    tls:\n      insecure_skip_verify: true\n', line: 5 },
  'wildcard-auth-unused': { yaml: 'configs:\n  "*":\n    auth:\n      username: u\n', line: 2 },
  'wildcard-no-fallback': { yaml: 'mirrors:\n  "*":\n    endpoint: [example.com]\n', line: 2 },
  'disable-default-ignored': {
    yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\nconfigs:\n  docker.io:\n    auth:\n      username: u\n',
    line: 2,
    flags: { disableDefaultRegistryEndpoint: true },
  },
  'disable-default-no-endpoints': { yaml: 'mirrors:\n  docker.io:\n', line: 2, flags: { disableDefaultRegistryEndpoint: true } },
  'config-keyed-by-upstream': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\nconfigs:\n  docker.io:\n    tls:\n      ca_file: /ca.pem\n', line: 5 },
  'config-host-mismatch': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com:443]\nconfigs:\n  m.example.com:\n    tls:\n      ca_file: /ca.pem\n', line: 5 },
  'tls-client-pair-incomplete': { yaml: 'configs:\n  r.example.com:\n    tls:\n      cert_file: /c.pem\n', line: 4 },
  'http-endpoint-with-tls': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [http://r.example.com:5000]\nconfigs:\n  r.example.com:5000:\n    tls:\n      insecure_skip_verify: true\n', line: 3 },
  'auth-over-http': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - http://r.example.com:5000\nconfigs:\n  r.example.com:5000:\n    auth:\n      username: u\n', line: 4 },
  'rewrite-breaks-toml': { yaml: "mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      '^library/(\\w+)$': 'hub/$1'\n", line: 5 },
  'rewrite-invalid-regex': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(?=x)": "y"\n', line: 5 },
  'rewrite-ambiguous': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^library/(.*)": "a/$1"\n      "^(.*)$": "b/$1"\n', line: 6 },
  'rewrite-missing-group': { yaml: 'mirrors:\n  icr.io:\n    endpoint: [https://a.example.com]\n    rewrite:\n      "cpopen": "local/$1"\n', line: 5 },
  'rewrite-matches-tag': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^rancher/mirrored-pause:3.6": "x/pause:3.6"\n', line: 5 },
  'rewrite-without-endpoint': { yaml: 'mirrors:\n  docker.io:\n    rewrite:\n      "^(.*)$": "cache/$1"\n', line: 4 },
  'hosts-file-rejected': { yaml: 'configs:\n  "registry.example.com:5000":\n    tls:\n      ca_file: /etc/ssl/ca.pem\n', line: 2, releases: ['v1.29.3+k3s1', 'v1.29.4+k3s1'] },
  'directory-dropped': { yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - https://mirror.example.com\n      - https://registry-1.docker.io\n', line: 2, releases: ['v1.28.7+k3s1'] },
  'wildcard-config-replaces-mirror': { yaml: 'mirrors:\n  "*":\n    endpoint: [https://mirror.example.com]\nconfigs:\n  "*":\n    tls:\n      insecure_skip_verify: true\n', line: 5, releases: ['v1.29.2+k3s1'] },
  'containerd-cannot-start': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\n    rewrite:\n      "^library/(\\\\w+)$": "hub/$1"\n', line: 5, releases: ['v1.29.0+k3s1'] },
  'rewrite-on-default-endpoint': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\n    rewrite:\n      "^library/(.*)$": "hub/$1"\n', line: 5, releases: ['v1.25.16+k3s1'] },
  'output-cut': { yaml: `mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(.*)$": "${'x'.repeat(5_000)}"\n`, line: 5 },
  'hosts-toml-syntax': { yaml: '', hostsDirs: { 'docker.io': 'server = "https://registry-1.docker.io"\n[host."https://m.example.com"\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-toml-rejected': { yaml: '', hostsDirs: { 'docker.io': 'server = "https://registry-1.docker.io"\nca = "/etc/ca.pem"\n' }, file: 'docker.io', line: 1, releases: containerdBoth },
  'hosts-toml-unknown-capability': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  capabilities = ["pull", "fetch"]\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-toml-tls-shape': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  ca = 42\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-toml-no-fallback': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n' }, file: 'docker.io', line: 1, releases: ['containerd v2.0.4', 'v1.32.3+k3s1'] },
  'hosts-toml-unknown-key': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  skipverify = true\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-toml-rewrite-ignored': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n[host."https://m.example.com".rewrite]\n  "^library/(.*)" = "hub/$1"\n' }, file: 'docker.io', line: 2, releases: ['containerd v2.0.4', 'v1.32.3+k3s1'] },
  'hosts-toml-server-no-scheme': { yaml: '', hostsDirs: { 'docker.io': '[host."m.example.com:5000"]\n' }, file: 'docker.io', line: 1, releases: containerdBoth },
  'hosts-toml-host-unreachable': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  capabilities = ["push"]\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-toml-no-resolve': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  capabilities = ["pull"]\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-toml-override-path-no-path': { yaml: '', hostsDirs: { 'docker.io': '[host."https://m.example.com"]\n  override_path = true\n' }, file: 'docker.io', line: 2, releases: containerdBoth },
  'hosts-dir-replaced': { yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://k3s.example.com]\n', hostsDirs: { 'docker.io': '\n[host."https://m.example.com"]\n' }, file: 'docker.io', line: 1, releases: ['v1.32.3+k3s1'] },
  'hosts-dir-deleted': { yaml: '', hostsDirs: { 'quay.io': '[host."https://m.example.com"]\n' }, file: 'quay.io', line: 1, releases: ['v1.29.4+k3s1', 'v1.31.5+k3s1'] },
  'hosts-dir-not-read': { yaml: '', hostsDirs: { 'quay.io': '[host."https://m.example.com"]\n' }, file: 'quay.io', line: 1, releases: ['v1.28.5+k3s1', 'v1.31.5+k3s1'] },
  'hosts-dir-never-used': { yaml: '', hostsDirs: { 'index.docker.io': '[host."https://m.example.com"]\n' }, file: 'index.docker.io', line: 1, releases: containerdBoth },
  'hosts-default-shadows-nothing': { yaml: '', hostsDirs: { _default: '[host."https://m.example.com"]\n', 'docker.io': '' }, file: '_default', line: 1, releases: containerdBoth },
};
