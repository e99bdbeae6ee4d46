import type { GeneratorBehaviour, Profile, ProfileId, ReaderBehaviour } from './profile.ts';

/**
 * The profiles of version-timeline.md §6 as data. Where §9 (corrections from running the real
 * code of v1.29.0, v1.29.2, v1.29.3 and v1.29.4) disagrees with the earlier sections, §9 wins.
 */

const legacyGenerator: GeneratorBehaviour = {
  output: 'config-toml',
  model: 'none',
  template: 'config-toml',
  hostStub: false,
  trimmed: false,
  wildcardServer: 'not-applicable',
  dedupeEndpoints: false,
  lastEndpointIsDefault: 'tried-twice',
  wildcardConfig: 'config-toml',
  embeddedForWildcard: false,
  rewritesOnDefault: true,
};

const legacyReader: ReaderBehaviour = { kind: 'legacy-cri', toml: 'go-toml-v1', rootHost: 'always', emptyHostTree: 'accepted', builtinDockerHubMirror: false };

const january2024: GeneratorBehaviour = {
  output: 'hosts-toml',
  model: 'jan-2024',
  template: 'jan-2024',
  hostStub: false,
  trimmed: false,
  wildcardServer: 'none',
  dedupeEndpoints: false,
  lastEndpointIsDefault: 'drops-directory',
  wildcardConfig: 'replaces-wildcard-mirror',
  embeddedForWildcard: false,
  rewritesOnDefault: false,
};

const march2024: GeneratorBehaviour = {
  ...january2024,
  model: 'mar-2024',
  template: 'mar-2024',
  wildcardServer: 'empty',
  dedupeEndpoints: true,
  lastEndpointIsDefault: 'folds-into-server',
  wildcardConfig: 'lost-to-wildcard-mirror',
  embeddedForWildcard: true,
};

const fork17Reader: ReaderBehaviour = { kind: 'hosts-dir', toml: 'go-toml-v1', rootHost: 'when-server-key-present', emptyHostTree: 'rejected', builtinDockerHubMirror: false };
const fork20Reader: ReaderBehaviour = { ...fork17Reader, toml: 'go-toml-v2', emptyHostTree: 'accepted' };

const allFlags = { disableDefaultRegistryEndpoint: true, embeddedRegistry: true };

export const profiles: Readonly<Record<ProfileId, Profile>> = {
  P0: {
    id: 'P0',
    summary: 'Legacy CRI registry config in config.toml on containerd 1.4, whose own docker.io mirror shadows "*" for Docker Hub.',
    generator: legacyGenerator,
    reader: { ...legacyReader, builtinDockerHubMirror: true },
    flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: false },
    embeddedServesWildcard: false,
    evidence: {
      'reader.builtinDockerHubMirror': { confidence: 'V', source: 'containerd v1.4.0 vendor/github.com/containerd/cri/pkg/config/config_unix.go; k3s-io/k3s#2088' },
      profile: { confidence: 'I', source: 'version-timeline.md §6 (≤ v1.21.x)' },
    },
  },
  P1: {
    id: 'P1',
    summary: 'Legacy CRI registry config in config.toml: rewrites also hit the default endpoint, no way to disable the fallback, no embedded registry.',
    generator: legacyGenerator,
    reader: legacyReader,
    flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: false },
    embeddedServesWildcard: false,
    evidence: {
      'reader.kind': { confidence: 'V', source: 'containerd v1.7.11 pkg/cri/server/image_pull.go registryEndpoints; run on v1.29.0+k3s1 (timeline §9)' },
      'generator.rewritesOnDefault': { confidence: 'V', source: 'K3s docs version gate; k3s-io/k3s#7007; timeline §9.6' },
      flags: { confidence: 'V', source: 'timeline §9.9: K3s refuses to start with an unknown flag' },
    },
  },
  P2: {
    id: 'P2',
    summary: 'First hosts.toml generator (January/February 2024): a "*" mirror never falls back, the registry listed last drops the whole file, duplicate endpoints break it.',
    generator: january2024,
    reader: fork17Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
    evidence: {
      'generator.model': { confidence: 'V', source: 'k3s getHostConfigs of early 2024 (code index id 43064849525); run on v1.29.2+k3s1 (timeline §9)' },
      'generator.wildcardConfig': { confidence: 'V', source: 'timeline §9.2 (run on v1.29.2+k3s1)' },
      'generator.embeddedForWildcard': { confidence: 'V', source: 'timeline §9.3' },
      'reader.toml': { confidence: 'V', source: 'containerd v1.7.11-k3s2 go-toml v1: duplicated tables, `]` in table keys (timeline §9.4)' },
    },
  },
  P3: {
    id: 'P3',
    summary: 'March 2024 generator (wildcard fallback, de-duplication) without the [host] stub: containerd 1.7 rejects every file without a [host."…"] table.',
    generator: march2024,
    reader: fork17Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
    evidence: {
      'generator.model': { confidence: 'V', source: 'k3s getHostConfigs of March 2024 (code index id 7020947643), k3s#9556, #9697, #9729; run on v1.29.3+k3s1' },
      'reader.emptyHostTree': { confidence: 'V', source: 'containerd#10027, k3s#9839; timeline §9.4' },
    },
  },
  P4: {
    id: 'P4',
    summary: 'The [host] stub (k3s#9853) on containerd 1.7: generator and reader as today, templates not yet trimmed.',
    generator: { ...march2024, hostStub: true },
    reader: fork17Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
    evidence: {
      'generator.hostStub': { confidence: 'V', source: 'k3s-io/k3s#9853; run on v1.29.4+k3s1 (timeline §9)' },
      'generator.trimmed': { confidence: 'I', source: 'untrimmed as run on v1.29.4; trimmed by v1.32.2 (resolver spec §2.1); the change in between is not pinned' },
    },
  },
  P5a: {
    id: 'P5a',
    summary: 'containerd 2.0.2-k3s2: an empty `server = ""` counts as absent, so a "*" mirror never falls back (k3s-io/k3s#11857).',
    generator: { ...march2024, hostStub: true, trimmed: true },
    reader: { ...fork20Reader, rootHost: 'when-server-non-empty' },
    flags: allFlags,
    embeddedServesWildcard: false,
    evidence: {
      'reader.rootHost': { confidence: 'I', source: 'k3s-io/k3s#11857, #11875, #11876, rancher/rke2#7827; resolver spec §3.5 and §6 Q1' },
    },
  },
  P5: {
    id: 'P5',
    summary: 'containerd 2.x with the K3s fork fixed: the fallback from "*" works again.',
    generator: { ...march2024, hostStub: true, trimmed: true },
    reader: fork20Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
    evidence: {
      'reader.rootHost': { confidence: 'V', source: 'k3s-io/containerd v2.0.4-k3s3 07701fd7 (resolver spec §3.5)' },
    },
  },
  P6: {
    id: 'P6',
    summary: 'As P5, and a "*" mirror makes the embedded registry (Spegel) mirror every registry (k3s-io/k3s#13526).',
    generator: { ...march2024, hostStub: true, trimmed: true },
    reader: fork20Reader,
    flags: allFlags,
    embeddedServesWildcard: true,
    evidence: {
      profile: { confidence: 'I', source: 'k3s-io/k3s#13526 and backports #13539–#13542; first patch per line inferred from RKE2 Feb 2026 releases' },
    },
  },
};
