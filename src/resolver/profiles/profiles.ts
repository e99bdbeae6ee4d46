import type { GeneratorBehaviour, Profile, ProfileId, ReaderBehaviour, UpstreamProfileId } from './profile.ts';

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

/** What every K3s reader shares: the fork applies rewrites; the 2.1+/2.2+ hosts.toml keys are not modelled for the fork (see evidence). */
const forkKeys = { rewrites: 'fork', dialTimeout: false, referrersCapability: false } as const;

const legacyReader: ReaderBehaviour = { kind: 'legacy-cri', toml: 'go-toml-v1', rootHost: 'always', emptyHostTree: 'accepted', builtinDockerHubMirror: false, errorRanking: 'first-non-404', ...forkKeys };

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

/** Today's generator: the March 2024 model, with the [host] stub, trimmed. */
const today: GeneratorBehaviour = { ...march2024, hostStub: true, trimmed: true };

const fork17Reader: ReaderBehaviour = { kind: 'hosts-dir', toml: 'go-toml-v1', rootHost: 'when-server-key-present', emptyHostTree: 'rejected', builtinDockerHubMirror: false, errorRanking: 'first-non-404', ...forkKeys };
const fork20Reader: ReaderBehaviour = { ...fork17Reader, toml: 'go-toml-v2', emptyHostTree: 'accepted', errorRanking: 'by-priority' };

const allFlags = { disableDefaultRegistryEndpoint: true, embeddedRegistry: true };

/** Plain containerd: nothing generates files, and none of K3s's node options exist. */
const noGenerator: GeneratorBehaviour = { ...today, output: 'none' };
const noFlags = { disableDefaultRegistryEndpoint: false, embeddedRegistry: false };
const upstream17Reader: ReaderBehaviour = { kind: 'hosts-dir', toml: 'go-toml-v1', rootHost: 'always', emptyHostTree: 'rejected', builtinDockerHubMirror: false, rewrites: 'ignored', dialTimeout: false, referrersCapability: false, errorRanking: 'first-non-404' };
const upstream20Reader: ReaderBehaviour = { ...upstream17Reader, toml: 'go-toml-v2', emptyHostTree: 'accepted', errorRanking: 'by-priority' };

function upstream(id: UpstreamProfileId, reader: ReaderBehaviour): Profile {
  return { id, generator: noGenerator, reader, flags: noFlags, embeddedServesWildcard: false };
}

/** Upstream containerd releases (containerd/containerd hosts.go at each tag; see evidence.ts). */
export const upstreamProfiles: Readonly<Record<UpstreamProfileId, Profile>> = {
  U17: upstream('U17', upstream17Reader),
  U17f: upstream('U17f', { ...upstream17Reader, emptyHostTree: 'accepted' }),
  U20: upstream('U20', upstream20Reader),
  U21: upstream('U21', { ...upstream20Reader, dialTimeout: true }),
  U22: upstream('U22', { ...upstream20Reader, dialTimeout: true, referrersCapability: true }),
};

export const profiles: Readonly<Record<ProfileId, Profile>> = {
  P0: {
    id: 'P0',
    generator: legacyGenerator,
    reader: { ...legacyReader, builtinDockerHubMirror: true },
    flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: false },
    embeddedServesWildcard: false,
  },
  P1: {
    id: 'P1',
    generator: legacyGenerator,
    reader: legacyReader,
    flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: false },
    embeddedServesWildcard: false,
  },
  P2: {
    id: 'P2',
    generator: january2024,
    reader: fork17Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
  },
  P3: {
    id: 'P3',
    generator: march2024,
    reader: fork17Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
  },
  P4: {
    id: 'P4',
    generator: { ...march2024, hostStub: true },
    reader: fork17Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
  },
  P5a: {
    id: 'P5a',
    generator: today,
    reader: { ...fork20Reader, rootHost: 'when-server-non-empty' },
    flags: allFlags,
    embeddedServesWildcard: false,
  },
  P5: {
    id: 'P5',
    generator: today,
    reader: fork20Reader,
    flags: allFlags,
    embeddedServesWildcard: false,
  },
  P6: {
    id: 'P6',
    generator: today,
    reader: fork20Reader,
    flags: allFlags,
    embeddedServesWildcard: true,
  },
  ...upstreamProfiles,
};
