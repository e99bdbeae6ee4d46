import type { Span } from './registries/span.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every diagnostic the engine can report, with its severity and a one-line summary.
 * The code is stable (UIs, docs and tests key on it); the message says what happens
 * and what to do. Errors mean K3s or containerd will not use the file as written.
 */
export const diagnosticCodes = {
  'yaml-syntax': { severity: 'error', summary: 'YAML syntax error: the K3s agent fails to start' },
  'yaml-type': { severity: 'error', summary: 'Value of the wrong type: yaml.v2 rejects the file and the K3s agent fails to start' },
  'yaml-merge': { severity: 'error', summary: 'Invalid `<<` merge: yaml.v2 rejects the file' },
  'yaml-alias': { severity: 'error', summary: 'Unknown or recursive anchor' },
  'yaml-multiple-documents': { severity: 'warning', summary: 'Only the first YAML document is read' },
  'yaml-document-ends-early': { severity: 'warning', summary: 'A line indented less than the first one ends the document: K3s ignores the rest' },
  'unknown-key': { severity: 'warning', summary: 'K3s ignores this key' },
  'auth-token-field': { severity: 'warning', summary: '`auth.token` does not exist and is ignored' },
  'section-misplaced': { severity: 'warning', summary: 'A top-level section is nested where K3s reads it as a registry name' },
  'duplicate-key': { severity: 'warning', summary: 'Repeated key: replaced or merged the way yaml.v2 does' },
  'invalid-registry-key': { severity: 'warning', summary: 'Registry key K3s cannot parse: the whole entry is skipped' },
  'registry-key-never-matches': { severity: 'warning', summary: 'No normalised image reference has this registry host' },
  'invalid-endpoint': { severity: 'warning', summary: 'Endpoint K3s cannot parse: it is skipped' },
  'empty-endpoint': { severity: 'warning', summary: 'Empty endpoint' },
  'duplicate-endpoint': { severity: 'warning', summary: 'Duplicate endpoint skipped' },
  'default-endpoint-not-last': { severity: 'warning', summary: 'Default endpoint listed but not last: it becomes an ordinary mirror and may be tried twice' },
  'default-endpoint-redundant': { severity: 'info', summary: 'Default endpoint listed last: K3s already falls back to it' },
  'mirror-no-endpoints': { severity: 'warning', summary: 'Mirror with no endpoints writes nothing' },
  'wildcard-config-tls-lost': { severity: 'warning', summary: '`configs."*"` TLS is lost when `mirrors."*"` exists' },
  'wildcard-auth-unused': { severity: 'warning', summary: '`configs."*".auth` is never used' },
  'wildcard-no-fallback': { severity: 'warning', summary: 'On some compared releases, registries covered only by `mirrors."*"` never fall back to the registry itself' },
  'hosts-file-rejected': { severity: 'error', summary: 'containerd of a compared release refuses the hosts.toml K3s writes: its mirrors and TLS settings are lost' },
  'directory-dropped': { severity: 'warning', summary: 'A compared release drops this registry\'s whole certs.d directory: its mirrors are never used' },
  'wildcard-config-replaces-mirror': { severity: 'error', summary: 'On a compared release, `configs."*"` replaces the `"*"` mirror and sends every other registry to https://*/v2' },
  'containerd-cannot-start': { severity: 'error', summary: 'On a compared release, config.toml is invalid TOML: containerd does not start and nothing is pulled' },
  'rewrite-on-default-endpoint': { severity: 'info', summary: 'On a compared config.toml-era release, rewrites also apply to the registry itself' },
  'disable-default-ignored': { severity: 'warning', summary: '`--disable-default-registry-endpoint` is ignored for a key also under configs' },
  'disable-default-no-endpoints': { severity: 'warning', summary: '`--disable-default-registry-endpoint` has no effect on a mirror with no endpoints' },
  'config-keyed-by-upstream': { severity: 'warning', summary: 'Config is keyed by the upstream registry, not by the mirror endpoint it should apply to' },
  'config-host-mismatch': { severity: 'warning', summary: 'Config key matches no endpoint exactly (host or port differs)' },
  'tls-client-pair-incomplete': { severity: 'warning', summary: 'cert_file without key_file (or the reverse)' },
  'http-endpoint-with-tls': { severity: 'info', summary: 'http:// endpoint with TLS settings: containerd tries HTTPS first' },
  'auth-over-http': { severity: 'info', summary: 'Credentials sent over plain HTTP' },
  'rewrite-breaks-toml': { severity: 'error', summary: 'Rewrite with `\\` or `"`: K3s writes invalid TOML and containerd ignores the whole hosts.toml' },
  'rewrite-invalid-regex': { severity: 'warning', summary: 'Rewrite pattern is not valid Go RE2: containerd skips it' },
  'rewrite-ambiguous': { severity: 'warning', summary: 'Several rewrites match one repository: containerd picks one at random' },
  'rewrite-missing-group': { severity: 'warning', summary: 'Replacement refers to a capture group the pattern does not have: it expands to nothing' },
  'rewrite-matches-tag': { severity: 'warning', summary: 'Rewrite pattern mentions a tag or registry, but rewrites only see the repository path' },
  'rewrite-without-endpoint': { severity: 'warning', summary: 'Rewrites apply only to mirror endpoints; this mirror has none' },
  'output-cut': { severity: 'warning', summary: 'The output is larger than the playground shows: it is cut and marked' },
  'hosts-toml-syntax': { severity: 'error', summary: 'Your hosts.toml is not valid TOML for this containerd: it is ignored (the registry itself, no TLS settings from the file)' },
  'hosts-toml-rejected': { severity: 'error', summary: 'containerd refuses your hosts.toml (a wrong type, no `host` table on 1.7, a bad dial_timeout): its hosts and TLS settings are lost' },
  'hosts-toml-unknown-capability': { severity: 'error', summary: 'A capability containerd does not know: it refuses the whole hosts.toml' },
  'hosts-toml-tls-shape': { severity: 'error', summary: '`ca` or `client` of a shape containerd refuses: the whole hosts.toml is ignored' },
  'hosts-toml-no-fallback': { severity: 'warning', summary: 'On K3s fork releases, a hosts.toml without `server` never falls back to the registry itself' },
  'hosts-toml-unknown-key': { severity: 'warning', summary: 'A key containerd ignores in hosts.toml' },
  'hosts-toml-rewrite-ignored': { severity: 'warning', summary: '`rewrite` is the K3s fork\'s: upstream containerd (and the root host) ignore it' },
  'hosts-toml-server-no-scheme': { severity: 'info', summary: 'A host without http:// or https://: containerd assumes https://' },
  'hosts-toml-host-unreachable': { severity: 'warning', summary: 'A host containerd never pulls from (no "pull" capability)' },
  'hosts-toml-no-resolve': { severity: 'info', summary: 'A host with "pull" but not "resolve": tags are never resolved there' },
  'hosts-toml-override-path-no-path': { severity: 'warning', summary: '`override_path` on a URL without a path: requests go to the host root, without /v2' },
  'hosts-dir-replaced': { severity: 'warning', summary: 'K3s writes a directory of this name at start-up: your hosts.toml is replaced' },
  'hosts-dir-deleted': { severity: 'warning', summary: 'Deleted at start-up on a compared release (K3s cleans up certs.d)' },
  'hosts-dir-not-read': { severity: 'info', summary: 'A compared release configures registries in config.toml: containerd never reads certs.d' },
  'hosts-dir-never-used': { severity: 'warning', summary: 'containerd never looks up a directory of this name' },
  'hosts-default-shadows-nothing': { severity: 'info', summary: '`_default` changes nothing for the sample images' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** A diagnostic located by offsets; the pipeline converts spans to lines and columns. */
export interface SpannedDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  /** The compared releases it applies to; absent when it applies to all of them. */
  releases?: string[];
  /** The certs.d directory of the hosts.toml the span is in; absent for registries.yaml. */
  file?: string;
}

/** The public form: 1-based line and column, end exclusive. */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The compared releases it applies to; absent when it applies to all of them. */
  releases?: string[];
  /** The certs.d directory of the hosts.toml it is in; absent for registries.yaml. */
  file?: string;
}

export function diagnostic(code: DiagnosticCode, message: string, span: Span, releases?: string[]): SpannedDiagnostic {
  return { code, severity: diagnosticCodes[code].severity, message, span, ...(releases !== undefined ? { releases } : {}) };
}
