import { parse as parseToml } from 'smol-toml';
import { err, ok, type Result } from '../result.ts';
import { missingOlderReleases, type OlderReleases } from '../older/support.ts';
import type { HostKeys, TomlTable } from './hostFields.ts';
import { tomlErrorMessage } from './tomlErrors.ts';
import { sortedHostKeys } from './tomlHeaders.ts';

/** How a containerd build decodes hosts.toml: its TOML library, and whether a file needs a `host` table. */
export interface HostsFileFormat {
  toml: 'go-toml-v1' | 'go-toml-v2';
  /** containerd 1.7 before containerd#10027 rejects a file with no `host` table ("invalid `host` tree"). */
  emptyHostTree: 'rejected' | 'accepted';
  /** Where the go-toml v1 decoder comes from (only older releases use it). */
  older?: OlderReleases;
  /** The keys that differ between builds; the K3s fork's when absent. */
  keys?: HostKeys;
}

/** A decoded hosts.toml: the plain document, the `[host."…"]` keys in containerd's order, and whether `server` is set. */
export interface DecodedHostsToml {
  document: TomlTable;
  hostOrder: string[];
  serverPresent: boolean;
}

export function decodeHostsToml(text: string, format: HostsFileFormat): Result<DecodedHostsToml> {
  return format.toml === 'go-toml-v1' ? (format.older ?? missingOlderReleases).decodeHostsTomlV1(text, format) : decodeV2(text);
}

/** containerd 2.x: go-toml v2 decode; host order from the low-level parser (a host may repeat). */
function decodeV2(text: string): Result<DecodedHostsToml> {
  let document: TomlTable;
  try {
    document = parseToml(text) as TomlTable;
  } catch (error) {
    if (error instanceof RangeError) return err('toml: arrays or inline tables nested deeper than the playground reads');
    return err(tomlErrorMessage(error, text));
  }
  return ok({ document, hostOrder: sortedHostKeys(text), serverPresent: Object.hasOwn(document, 'server') });
}
