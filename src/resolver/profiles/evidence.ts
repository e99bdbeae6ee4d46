import type { Evidence, ProfileId } from './profile.ts';

/**
 * Where every behaviour of every profile comes from, and how sure it is: [V] verified in code or
 * release notes, [I] inferred, [U] uncertain (version-timeline.md, §9 winning over §2–§6). Kept
 * apart from the profiles themselves, which the page needs at once; this is read on demand.
 */

type EvidenceTable = Readonly<Record<string, Evidence>>;

const FIRST_NON_404 = 'containerd v1.7.25 remotes/docker/resolver.go Resolve: firstErr is the first non-404 error; "not found" only when every host answered 404';
const BY_PRIORITY = 'containerd v2.0.4 core/remotes/docker/resolver.go Resolve: firstErrPriority (request error 1 < 404 2 < HTTP error 3 < oversized 4), from b4814a29 (v2.0.0)';
const V = (source: string): Evidence => ({ confidence: 'V', source });
const I = (source: string): Evidence => ({ confidence: 'I', source });
const U = (source: string): Evidence => ({ confidence: 'U', source });

/** The K3s fork's reading of keys that upstream added or never had. */
function forkKeysEvidence(): EvidenceTable {
  return {
    'reader.rewrites': V('K3s containerd fork hostFileConfig.Rewrites (TOML key `rewrite`), 1.7 and 2.0 lines (resolver spec §2.1, §3.9)'),
    'reader.dialTimeout': I('upstream containerd reads dial_timeout from v2.0.7 and v2.1.0 (c4982bffc); modelled as absent for every K3s release: the fork readers of 2.1+ lines were not read'),
    'reader.referrersCapability': I('upstream containerd accepts the referrers capability from v2.2.0 (b668614b5); modelled as absent for every K3s release: the fork readers of 2.2+ lines were not read'),
  };
}

/** Upstream containerd read at its tags: nothing generates files, the root host is always appended, `rewrite` is unknown. */
function upstreamEvidence(tag: string, emptyHostTree: string, extra: EvidenceTable = {}): EvidenceTable {
  const notApplicable = V('not applicable: on plain containerd nothing generates hosts.toml; you write the files');
  return {
    ...Object.fromEntries(
      ['generator.model', 'generator.template', 'generator.hostStub', 'generator.trimmed', 'generator.wildcardServer', 'generator.dedupeEndpoints', 'generator.lastEndpointIsDefault', 'generator.wildcardConfig', 'generator.embeddedForWildcard', 'generator.rewritesOnDefault'].map(
        (name) => [name, notApplicable],
      ),
    ),
    'generator.output': notApplicable,
    'reader.kind': V(`containerd ${tag} CRI with config_path: certs.d/<host>, then _default (hosts.go HostDirFromRoot)`),
    'reader.toml': V(`containerd ${tag} hosts.go decodes with ${tag.startsWith('v1.') ? 'go-toml v1 (LoadBytes, Tree positions)' : 'go-toml v2 (Unmarshal, unstable parser for host order)'}`),
    'reader.rootHost': V(`containerd ${tag} parseHostsFile always appends the root host (resolver spec §3.5, containerd#9206)`),
    'reader.emptyHostTree': V(emptyHostTree),
    'reader.builtinDockerHubMirror': V('removed in containerd d4be6aa8f (v1.5.0)'),
    'reader.rewrites': V('hostFileConfig has no `rewrite` key upstream: go-toml ignores the table (resolver spec §3.9)'),
    'reader.dialTimeout': V('dial_timeout arrived in containerd c4982bffc: v2.1.0, backported to v2.0.7'),
    'reader.referrersCapability': V('the referrers capability arrived in containerd b668614b5 / c1b1297c6: v2.2.0'),
    'reader.errorRanking': V(tag.startsWith('v1.') ? FIRST_NON_404 : BY_PRIORITY),
    flags: V('--disable-default-registry-endpoint and --embedded-registry are K3s/RKE2 options'),
    embeddedServesWildcard: notApplicable,
    ...extra,
  };
}

/** Where every behaviour of the config.toml era comes from (timeline §3 C0, §9.5–9.6, §9.9). */
const legacyEvidence: EvidenceTable = {
  'generator.output': V('K3s legacy templates_linux.go (code index 1901906248); run on v1.29.0+k3s1 (timeline §9)'),
  'generator.rewritesOnDefault': V('K3s docs version gate; k3s-io/k3s#7007; timeline §9.6'),
  'generator.lastEndpointIsDefault': V('containerd registryEndpoints appends the registry unless an endpoint names it; timeline §9.6'),
  'reader.kind': V('containerd v1.7.11 pkg/cri/server/image_pull.go registryHosts/registryEndpoints; run on v1.29.0+k3s1'),
  'reader.toml': V('containerd 1.x loads config.toml with go-toml v1: a bad escape stops it (timeline §9.5)'),
  flags: V('timeline §9.9: K3s refuses to start with an unknown flag'),
  embeddedServesWildcard: V('no embedded registry before January 2024'),
  'reader.builtinDockerHubMirror': V('removed in containerd d4be6aa8f (v1.5.0); present in containerd 1.4 CRI defaults'),
  'generator.template': V('K3s legacy templates_linux.go: the CRI registry section of config.toml, rendered raw'),
  'reader.errorRanking': V(FIRST_NON_404),
  ...forkKeysEvidence(),
  ...Object.fromEntries(
    ['generator.model', 'generator.hostStub', 'generator.trimmed', 'generator.wildcardServer', 'generator.dedupeEndpoints', 'generator.wildcardConfig', 'generator.embeddedForWildcard', 'reader.rootHost', 'reader.emptyHostTree'].map(
      (name) => [name, V('not applicable: K3s wrote no hosts.toml before January 2024 (timeline §3 C0)')],
    ),
  ),
};

/** The hosts.toml era: what the March 2024 generator and the K3s containerd fork do (timeline §3 C2–C8). */
const hostsEvidence: EvidenceTable = {
  'generator.output': V('k3s#8973: registries.yaml is written to certs.d/<host>/hosts.toml from January 2024'),
  'generator.hostStub': V('k3s#9853 (April 2024): a bare [host] line in every file'),
  'generator.trimmed': I('raw template as run on v1.29.4+k3s1; trimEmpty by v1.32.2 (resolver spec §2.1); the change between is not pinned'),
  'generator.template': V('K3s HostsTomlTemplate of March 2024 (root capabilities and TLS)'),
  'reader.kind': V('containerd config_path: certs.d/<host>, then _default (containerd hostPaths)'),
  'reader.builtinDockerHubMirror': V('removed in containerd d4be6aa8f (v1.5.0)'),
  'generator.model': V('k3s getHostConfigs of March 2024 (code index 7020947643), k3s#9556, #9697, #9729'),
  'generator.wildcardServer': V('k3s#9728/#9729: `server = ""` for _default'),
  'generator.dedupeEndpoints': V('k3s#9697: duplicate endpoints skipped with a warning'),
  'generator.lastEndpointIsDefault': V('k3s#9556: an explicit default endpoint in last position becomes the server'),
  'generator.wildcardConfig': V('timeline §9.2 (run on v1.29.3+k3s1): the "*" mirror wins over configs."*"'),
  'generator.embeddedForWildcard': V('timeline §9.3: the embedded registry is injected for "*" from March 2024'),
  'generator.rewritesOnDefault': V('K3s docs: rewrites are not applied to the default endpoint since January 2024'),
  'reader.rootHost': V('K3s fork: the root host is appended when `server` is present (k3s#8975, #9728; resolver spec §3.5)'),
  flags: V('--disable-default-registry-endpoint and --embedded-registry since January 2024 (K3s docs gates)'),
  embeddedServesWildcard: I('k3s-io/k3s#13526: Spegel ignored "*" until the February 2026 releases; first patch per line from RKE2 tables'),
  ...forkKeysEvidence(),
};

const containerd17Evidence: EvidenceTable = {
  'reader.errorRanking': V(FIRST_NON_404),
  'reader.toml': V('containerd v1.7.11-k3s2 / v1.7.15-k3s1 use go-toml v1: duplicated tables, `[` in table keys, escapes (timeline §9.4)'),
  'reader.emptyHostTree': V('containerd getSortedHosts: no host table is "invalid `host` tree" (containerd#10027, k3s#9839)'),
};

/** containerd 2.x releases, with today's generator. */
const containerd2Evidence: EvidenceTable = {
  ...hostsEvidence,
  'reader.errorRanking': V(BY_PRIORITY),
  'reader.toml': V('containerd 2.x decodes hosts.toml with go-toml v2 (ctrd diff 1.7.15 -> 2.0)'),
  'reader.emptyHostTree': V('containerd 2.x reads a root-only hosts.toml'),
  'generator.trimmed': V('resolver spec §2.1: trimEmpty in v1.32.2 and v1.32.3'),
};

export const evidence: Readonly<Record<ProfileId, EvidenceTable>> = {
  U17: upstreamEvidence('v1.7.25', 'getSortedHosts returns "invalid `host` tree" without a host table until v1.7.32 (containerd#10027, fix 24007441d)'),
  U17f: upstreamEvidence('v1.7.34', 'containerd 24007441d (v1.7.32): a file without a host table is read'),
  U20: upstreamEvidence('v2.0.4', 'go-toml v2 getSortedHosts reads a root-only file'),
  U21: upstreamEvidence('v2.1.9', 'go-toml v2 getSortedHosts reads a root-only file'),
  U22: upstreamEvidence('v2.3.4', 'go-toml v2 getSortedHosts reads a root-only file'),
  P0: {
      ...legacyEvidence,
      'reader.builtinDockerHubMirror': { confidence: 'V', source: 'containerd v1.4.0 vendor/github.com/containerd/cri/pkg/config/config_unix.go; k3s-io/k3s#2088' },
      profile: { confidence: 'I', source: 'version-timeline.md §6 (≤ v1.21.x)' },
  },
  P1: {
      ...legacyEvidence,
      'reader.kind': { confidence: 'V', source: 'containerd v1.7.11 pkg/cri/server/image_pull.go registryEndpoints; run on v1.29.0+k3s1 (timeline §9)' },
      'generator.rewritesOnDefault': { confidence: 'V', source: 'K3s docs version gate; k3s-io/k3s#7007; timeline §9.6' },
      flags: { confidence: 'V', source: 'timeline §9.9: K3s refuses to start with an unknown flag' },
  },
  P2: {
      ...hostsEvidence,
      ...containerd17Evidence,
      'generator.wildcardServer': V('K3s January 2024 getHostConfigs clears the default for _default (code index 43064849525)'),
      'generator.dedupeEndpoints': V('k3s#9693: duplicate endpoints written twice; repro on v1.29.2, v1.28.7'),
      'generator.lastEndpointIsDefault': V('k3s#9626, #9341: the directory is deleted; timeline §9.7'),
      'generator.rewritesOnDefault': V('K3s docs: rewrites are not applied to the default endpoint since January 2024'),
      'generator.template': V('run on v1.29.2+k3s1: raw template, bare server line (timeline §9.1)'),
      'generator.model': { confidence: 'V', source: 'k3s getHostConfigs of early 2024 (code index id 43064849525); run on v1.29.2+k3s1 (timeline §9)' },
      'generator.wildcardConfig': { confidence: 'V', source: 'timeline §9.2 (run on v1.29.2+k3s1)' },
      'generator.embeddedForWildcard': { confidence: 'V', source: 'timeline §9.3' },
      'reader.toml': { confidence: 'V', source: 'containerd v1.7.11-k3s2 go-toml v1: duplicated tables, `]` in table keys (timeline §9.4)' },
  },
  P3: {
      ...hostsEvidence,
      ...containerd17Evidence,
      'generator.hostStub': V('k3s#9853 added the stub in April 2024; run on v1.29.3+k3s1 without it'),
      'generator.trimmed': V('run on v1.29.3+k3s1: the template is written raw (timeline §9.1)'),
      'generator.model': { confidence: 'V', source: 'k3s getHostConfigs of March 2024 (code index id 7020947643), k3s#9556, #9697, #9729; run on v1.29.3+k3s1' },
      'reader.emptyHostTree': { confidence: 'V', source: 'containerd#10027, k3s#9839; timeline §9.4' },
  },
  P4: {
      ...hostsEvidence,
      ...containerd17Evidence,
      certsCleanup: U('managed-only certs.d clean-up from v1.30.5/v1.31.1; whether 1.28 and 1.29 got it was not checked (timeline §8.5)'),
      'generator.hostStub': { confidence: 'V', source: 'k3s-io/k3s#9853; run on v1.29.4+k3s1 (timeline §9)' },
      'generator.trimmed': { confidence: 'I', source: 'untrimmed as run on v1.29.4; trimmed by v1.32.2 (resolver spec §2.1); the change in between is not pinned' },
  },
  P5a: {
      ...containerd2Evidence,
      'reader.rootHost': { confidence: 'I', source: 'k3s-io/k3s#11857, #11875, #11876, rancher/rke2#7827; resolver spec §3.5 and §6 Q1' },
  },
  P5: {
      ...containerd2Evidence,
      'reader.rootHost': { confidence: 'V', source: 'k3s-io/containerd v2.0.4-k3s3 07701fd7 (resolver spec §3.5)' },
  },
  P6: {
      ...containerd2Evidence,
      profile: { confidence: 'I', source: 'k3s-io/k3s#13526 and backports #13539–#13542; first patch per line inferred from RKE2 Feb 2026 releases' },
  },
};
