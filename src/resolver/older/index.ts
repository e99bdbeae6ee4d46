import { renderConfigToml } from './configToml.ts';
import { getHostConfigsJan2024 } from './hostConfigsJan2024.ts';
import { decodeHostsTomlV1 } from './hostsTomlV1.ts';
import { criMirrorKey, criRegistryHosts, loadCriMirrors } from './legacyCri.ts';
import type { OlderReleases } from './support.ts';

/** Support for releases before April 2024 (see support.ts). */
export const olderReleases: OlderReleases = { decodeHostsTomlV1, getHostConfigsJan2024, renderConfigToml, loadCriMirrors, criMirrorKey, criRegistryHosts };
