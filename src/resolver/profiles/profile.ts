/**
 * A behaviour profile: how one era of K3s/RKE2 turns registries.yaml into containerd's
 * configuration, and how its containerd reads it. Every difference between releases is a
 * named behaviour here; stages read these fields and never compare version strings.
 * (../shared/spec/version-timeline.md §2–§6, with §9's corrections from running the real code.)
 */

export type ProfileId = 'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'P5a' | 'P5' | 'P6' | UpstreamProfileId;

/** Upstream containerd, with certs.d written by hand (no K3s): 1.7 before and after the `host` tree fix, 2.0, 2.0.7/2.1 (dial_timeout), 2.2+ (referrers). */
export type UpstreamProfileId = 'U17' | 'U17f' | 'U20' | 'U21' | 'U22';

/**
 * When a hosts.toml with `[host."…"]` entries also gets its root `server` as the final host:
 * upstream containerd always appends it; the K3s fork appends it only when the key is present
 * (go-toml key presence, or the top-level scan of v2.0.3+), and v2.0.2-k3s2 only when the value
 * is non-empty (k3s-io/k3s#11857).
 */
export type RootHostRule = 'always' | 'when-server-key-present' | 'when-server-non-empty';

/** How sure the timeline is of a behaviour: verified in code or release notes, inferred, or uncertain. */
export type Confidence = 'V' | 'I' | 'U';

export interface Evidence {
  confidence: Confidence;
  source: string;
}

export interface GeneratorBehaviour {
  /** What K3s writes: the legacy CRI registry section of config.toml, certs.d/<dir>/hosts.toml files, or nothing (plain containerd: the files are yours). */
  output: 'config-toml' | 'hosts-toml' | 'none';
  /** Which getHostConfigs: the January 2024 one (mirrors first, configs looked up by the endpoint's host) or the March 2024 one. */
  model: 'jan-2024' | 'mar-2024' | 'none';
  /** The template family: January 2024 (bare `server`, no root capabilities) or March 2024 (root capabilities and TLS). */
  template: 'config-toml' | 'jan-2024' | 'mar-2024';
  /** A bare `[host]` line in every file (the containerd#10027 workaround, k3s#9853). */
  hostStub: boolean;
  /** Blank lines dropped and one put before each table (`trimEmpty`); earlier templates are written raw. */
  trimmed: boolean;
  /** What `_default/hosts.toml` says for a `"*"` mirror: no `server` at all, or `server = ""` (k3s#9729). */
  wildcardServer: 'none' | 'empty' | 'not-applicable';
  /** Duplicate endpoints skipped with a warning (k3s#9697); before, they became duplicated tables. */
  dedupeEndpoints: boolean;
  /** The registry's own endpoint listed last: the directory is dropped, folded into `server`, or simply tried twice (legacy). */
  lastEndpointIsDefault: 'drops-directory' | 'folds-into-server' | 'tried-twice';
  /** `configs."*"` next to `mirrors."*"`: the configs entry replaces the mirror, or is lost to it. */
  wildcardConfig: 'replaces-wildcard-mirror' | 'lost-to-wildcard-mirror' | 'config-toml';
  /** The embedded registry is also injected for a `"*"` mirror. */
  embeddedForWildcard: boolean;
  /** Rewrites also apply to the registry's own (default) endpoint. */
  rewritesOnDefault: boolean;
}

export interface ReaderBehaviour {
  /** containerd's legacy CRI resolver (config.toml mirrors) or the certs.d hosts directory reader. */
  kind: 'legacy-cri' | 'hosts-dir';
  /** The TOML library: go-toml v1 (containerd 1.7: rejects files 2.x accepts) or go-toml v2. */
  toml: 'go-toml-v1' | 'go-toml-v2';
  rootHost: RootHostRule;
  /** A hosts.toml with no `[host]` table at all: rejected as "invalid `host` tree" (containerd 1.7 before the fix) or read. */
  emptyHostTree: 'rejected' | 'accepted';
  /** containerd 1.4's CRI defaults carry a docker.io mirror of its own, which shadows `"*"` for docker.io. */
  builtinDockerHubMirror: boolean;
  /** `[host."…".rewrite]` is applied by the K3s fork; upstream containerd does not know the key and ignores it. */
  rewrites: 'fork' | 'ignored';
  /** `dial_timeout` is read (containerd v2.0.7, v2.1+): a value Go's time.ParseDuration refuses rejects the file. */
  dialTimeout: boolean;
  /** `referrers` is a capability name (containerd v2.2+); before, it is an unknown capability that rejects the file. */
  referrersCapability: boolean;
  /**
   * Which error a failed pull reports: containerd 1.x the first error that is not a 404 (`not found` only
   * when every host said 404); 2.0+ by priority (oversized > HTTP error > 404 > request error), so a 404
   * outranks a refused connection (containerd b4814a29, v2.0.0).
   */
  errorRanking: 'first-non-404' | 'by-priority';
}

export interface Profile {
  id: ProfileId;
  generator: GeneratorBehaviour;
  reader: ReaderBehaviour;
  /** Node flags the release has; a flag it lacks stops K3s at start-up. */
  flags: { disableDefaultRegistryEndpoint: boolean; embeddedRegistry: boolean };
  /** With `--embedded-registry`, a `"*"` mirror makes Spegel serve every registry (k3s#13526); before, only listed ones. */
  embeddedServesWildcard: boolean;
}

/** Whether the root host is appended, given what the file says (resolver spec §3.5). */
export function appendsRootHost(rule: RootHostRule, hostEntries: number, server: { present: boolean; value: string }): boolean {
  if (hostEntries === 0) return true;
  switch (rule) {
    case 'always':
      return true;
    case 'when-server-key-present':
      return server.present;
    case 'when-server-non-empty':
      return server.value !== '';
  }
}
