import { cleanPath } from '../go/path.ts';
import { isTable, readHostFields, type HostKeys, type TomlTable } from './hostFields.ts';
import { decodeHostsToml, type HostsFileFormat } from './hostsToml.ts';
import { parseURL } from '../go/url.ts';
import { err, ok, type Result } from '../result.ts';

export type { HostsFileFormat } from './hostsToml.ts';

/** What a host may be used for (docker.HostCapabilities). */
export interface Capabilities {
  pull: boolean;
  resolve: boolean;
  push: boolean;
}

export const ALL_CAPABILITIES: Capabilities = { pull: true, resolve: true, push: true };

/** One host read from hosts.toml (containerd's `hostConfig`), before the default is filled in. */
export interface HostEntry {
  /** The `[host."…"]` key as written, or the root's `server` value. */
  key: string;
  scheme: string;
  host: string;
  path: string;
  capabilities: Capabilities;
  /** Go keeps nil apart from empty; any non-nil TLS field makes the host "explicit TLS". */
  ca: string[] | null;
  client: [string, string][] | null;
  skipVerify: boolean | null;
  header: Record<string, string[]>;
  /** Fork-only `[host."…".rewrite]` table, in file order. */
  rewrites: { pattern: string; replacement: string }[];
  /** True for the top-level (`server`) host. */
  isRoot: boolean;
}

/** A host with no settings yet: containerd's zero `hostConfig` for a key (all capabilities, nil TLS). */
export function blankHost(key: string, isRoot: boolean): HostEntry {
  return { key, scheme: '', host: '', path: '', capabilities: ALL_CAPABILITIES, ca: null, client: null, skipVerify: null, header: {}, rewrites: [], isRoot };
}

export interface HostsFile {
  /** `[host."…"]` entries in file order (containerd `getSortedHosts`). */
  hosts: HostEntry[];
  /** The top-level host (`server` + top-level fields). */
  root: HostEntry;
  /** Whether `server` appears among the top-level keys, and its value: what the profiles disagree on. */
  server: { present: boolean; value: string };
}

/**
 * containerd `parseHostsFile`: TOML decode (the go-toml of the containerd build), then
 * `parseHostConfig` for each host in file order and for the root. Any error rejects the whole
 * file (the caller falls back, spec §3.4).
 */
export function parseHostsFile(dir: string, text: string, format: HostsFileFormat = CONTAINERD_2): Result<HostsFile> {
  const decoded = decodeHostsToml(text, format);
  if (!decoded.ok) return decoded;
  const { document, hostOrder, serverPresent } = decoded.value;
  const hostTables = document.host;
  if (hostTables !== undefined && !isTable(hostTables)) return err('toml: cannot decode "host" into map[string]config.hostFileConfig');
  if (document.server !== undefined && typeof document.server !== 'string') return err('toml: cannot decode "server" into a string');
  const hosts: HostEntry[] = [];
  for (const key of hostOrder) {
    const table = hostTables?.[key];
    const parsed = parseHostConfig(key, dir, isTable(table) ? table : {}, false, format.keys);
    if (!parsed.ok) return parsed;
    hosts.push(parsed.value);
  }
  const server = typeof document.server === 'string' ? document.server : '';
  const root = parseHostConfig(server, dir, document, true, format.keys);
  if (!root.ok) return root;
  return ok({ hosts, root: root.value, server: { present: serverPresent, value: server } });
}

/** containerd 2.x (go-toml v2): the format the playground reads by default. */
export const CONTAINERD_2: HostsFileFormat = { toml: 'go-toml-v2', emptyHostTree: 'accepted' };

/** containerd `parseHostConfig`: URL, path rules, capabilities and TLS fields of one host. */
function parseHostConfig(server: string, dir: string, table: TomlTable, isRoot: boolean, keys?: HostKeys): Result<HostEntry> {
  const overridePath = table.override_path;
  if (overridePath !== undefined && typeof overridePath !== 'boolean') return err('toml: cannot decode "override_path" into a bool');
  const entry = blankHost(server, isRoot);
  if (server !== '') {
    const located = locateServer(server, overridePath === true);
    if (!located.ok) return located;
    Object.assign(entry, located.value);
  }
  const problem = readHostFields(table, entry, dir, keys);
  return problem === null ? ok(entry) : err(problem);
}

/** Scheme, host and API root path of a host key (https:// assumed; /v2 appended unless override_path). */
function locateServer(server: string, overridePath: boolean): Result<{ scheme: string; host: string; path: string }> {
  const withScheme = server.startsWith('http') ? server : `https://${server}`;
  const url = parseURL(withScheme);
  if (!url.ok) return err(`unable to parse server ${withScheme}: ${url.error}`);
  let path = url.value.path;
  if (path.length > 0) {
    path = cleanPath(path);
    if (!path.endsWith('/v2') && !overridePath) path += '/v2';
  } else if (!overridePath) {
    path = '/v2';
  }
  return ok({ scheme: url.value.scheme, host: url.value.host, path });
}
