import type { DecodedHostsToml, HostsFileFormat } from '../containerd/hostsToml.ts';
import type { TomlTable } from '../containerd/hostFields.ts';
import { err, ok, type Result } from '../result.ts';
import { loadTomlV1, plainValue, V1Tree } from './tomlV1.ts';

/**
 * containerd 1.7: go-toml v1 `LoadBytes`, then `getSortedHosts` — the `host` table's keys ordered
 * by the line each table was opened on. A file without a `host` table is rejected.
 */
export function decodeHostsTomlV1(text: string, format: HostsFileFormat): Result<DecodedHostsToml> {
  const tree = loadTomlV1(text);
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
