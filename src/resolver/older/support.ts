import type { DecodedHostsToml, HostsFileFormat } from '../containerd/hostsToml.ts';
import type { RegistryHost } from '../containerd/configureHosts.ts';
import type { GeneratedHosts } from '../k3s/hostConfigs.ts';
import type { ReaderBehaviour } from '../profiles/profile.ts';
import type { Registry } from '../registries/model.ts';
import type { Result } from '../result.ts';
import type { CriMirrors } from './legacyCri.ts';

/**
 * What only releases before April 2024 need: the config.toml era (P0/P1), the January 2024
 * generator (P2) and containerd 1.7's go-toml v1 reader (P2–P4). Kept apart, and passed in like
 * the RE2 engine, so the browser loads it only when such a release is compared (index.ts and the
 * CLI always include it).
 */
export interface OlderReleases {
  /** containerd 1.7's hosts.toml decode: go-toml v1, then `getSortedHosts`. */
  decodeHostsTomlV1(text: string, format: HostsFileFormat): Result<DecodedHostsToml>;
  /** K3s `getHostConfigs` of the January/February 2024 releases. */
  getHostConfigsJan2024(registry: Registry, noDefaultEndpoint: boolean, mirrorAddr: string): GeneratedHosts;
  /** The registry section of config.toml that K3s wrote before January 2024. */
  renderConfigToml(registry: Registry): string;
  /** containerd's legacy CRI resolver: config.toml's mirrors, and the hosts for a registry. */
  loadCriMirrors(configToml: string, reader: Pick<ReaderBehaviour, 'builtinDockerHubMirror'>): Result<CriMirrors>;
  criMirrorKey(mirrors: CriMirrors, registryHost: string): string | null;
  criRegistryHosts(mirrors: CriMirrors, registryHost: string): Result<RegistryHost[]>;
}

/** Thrown when an older release is compared without OlderReleases: load it, then resolve again. */
export class OlderReleasesMissing extends Error {
  constructor() {
    super('a compared release needs the older-release support module, which was not supplied');
    this.name = 'OlderReleasesMissing';
  }
}

const missing = (): never => {
  throw new OlderReleasesMissing();
};

export const missingOlderReleases: OlderReleases = {
  decodeHostsTomlV1: missing,
  getHostConfigsJan2024: missing,
  renderConfigToml: missing,
  loadCriMirrors: missing,
  criMirrorKey: missing,
  criRegistryHosts: missing,
};

/** Whether a release's generator or reader comes from OlderReleases. */
export function needsOlderReleases(profile: { generator: { output: string; model: string }; reader: { toml: string; kind: string } }): boolean {
  return profile.generator.output === 'config-toml' || profile.generator.model === 'jan-2024' || profile.reader.toml === 'go-toml-v1' || profile.reader.kind === 'legacy-cri';
}
