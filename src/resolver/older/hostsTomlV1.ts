import type { DecodedHostsToml, HostsFileFormat } from '../containerd/hostsToml.ts';
import type { TomlTable } from '../containerd/hostFields.ts';
import { err, ok, type Result } from '../result.ts';
import { loadTomlV1, plainValue, V1Tree } from './tomlV1.ts';

/**
 * containerd 1.7: go-toml v1 `LoadBytes`, then `getSortedHosts` — the `host` table's keys ordered
 * by the line each table was opened on. A file without a `host` table is rejected.
 */
export function decodeHostsTomlV1(text: string, format: HostsFileFormat): Result<DecodedHostsToml> {
  const tree = loadWithinStack(text);
  if (!tree.ok) return err(`failed to parse TOML: ${tree.error}`);
  const hostTree = tree.value.getPath(['host']);
  let hostOrder: string[] = [];
  if (hostTree instanceof V1Tree) {
    const hosts = [...hostTree.values];
    // containerd asserts every entry is a table; anything else is as good as no host tree.
    if (!hosts.every(([, node]) => node instanceof V1Tree)) return err('invalid `host` tree');
    hostOrder = hosts.sort(([, a], [, b]) => (a as V1Tree).position.line - (b as V1Tree).position.line).map(([key]) => key);
  } else if (format.emptyHostTree === 'rejected') {
    return err('invalid `host` tree');
  }
  return ok({ document: plainValue(tree.value) as TomlTable, hostOrder, serverPresent: tree.value.getPath(['server']) !== undefined });
}

/**
 * go-toml v1 recurses into nested arrays and inline tables; Go's stack grows, ours does not. A file
 * nested deeper than the engine can follow is reported as such, never thrown (it is hostile input
 * or a mistake, and containerd would reject its value's type anyway).
 */
function loadWithinStack(text: string): ReturnType<typeof loadTomlV1> {
  try {
    return loadTomlV1(text);
  } catch (error) {
    if (error instanceof RangeError) return err('arrays or inline tables nested deeper than the playground reads');
    throw error;
  }
}
