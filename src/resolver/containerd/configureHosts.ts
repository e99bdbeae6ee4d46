import { isLocalhost, splitHostPort } from '../go/net.ts';
import { appendsRootHost, type ReaderBehaviour } from '../profiles/profile.ts';
import type { OlderReleases } from '../older/support.ts';
import { ALL_CAPABILITIES, blankHost, parseHostsFile, type HostEntry, type HostsFile } from './hostsFile.ts';
import type { HostKeys } from './hostFields.ts';
import type { Result } from '../result.ts';
import { CERTS_D } from './hostDir.ts';
import { lastResults } from '../lastResults.ts';
import { DOCKER_HUB, DOCKER_HUB_HOST } from '../registryNames.ts';

/** A host containerd will try, after defaults and the TLS/HTTP decision (docker.RegistryHost). */
export interface RegistryHost extends HostEntry {
  /** HTTPS first, then plain HTTP on a TLS failure (containerd's httpFallback round-tripper). */
  httpFallback: boolean;
}

/**
 * containerd `ConfigureHosts` runs in three phases, one function each:
 * `loadHostDir` (decode the directory), `fillDefaultHost`, then `withTransport` (TLS/HTTP).
 */

/** A host with no address: what a missing or undecodable hosts.toml leaves (cert-file fallback). */
export const emptyHost = (): HostEntry => blankHost('', true);

/** `loadHostDir`: parse hosts.toml; an empty or undecodable file means one empty host (cert-file fallback). */
export interface LoadedDir {
  hosts: HostEntry[];
  /** Why hosts.toml was ignored (containerd logs "failed to decode"), or null. */
  decodeError: string | null;
  /** Whether the top-level `server` host ends the list (always, when there is no file). */
  rootAppended: boolean;
  /** The top-level `server` key as the file has it; null when no file was decoded. */
  server: { present: boolean; value: string } | null;
}

/** What loading a directory depends on: the containerd build's hosts.toml rules. */
export type HostsReading = Pick<ReaderBehaviour, 'toml' | 'emptyHostTree' | 'rootHost'> & { older?: OlderReleases; keys?: HostKeys };

/** Decoded files by directory, shared by readers that decode alike (they differ only in the root-host rule). */
export type DecodedFiles = Map<string, Result<HostsFile>>;

export function loadHostDir(dir: string, text: string, reading: HostsReading, certsDir: string = CERTS_D, decoded?: DecodedFiles): LoadedDir {
  if (text.length === 0) return noHostsFile(null);
  let parsed = decoded?.get(dir);
  if (parsed === undefined) {
    parsed = parseRemembered(`${certsDir}/${dir}`, text, reading);
    decoded?.set(dir, parsed);
  }
  if (!parsed.ok) return noHostsFile(parsed.error);
  const { hosts, root, server } = parsed.value;
  // The K3s fork's rule: the v1.32.2 / v1.32.3 difference, and why P2's `_default` never falls back (spec §3.5).
  const rootAppended = appendsRootHost(reading.rootHost, hosts.length, server);
  return { hosts: rootAppended ? [...hosts, root] : hosts, decodeError: null, rootAppended, server };
}

/**
 * Decoded files of the last resolutions, by path, rules and text: typing in one hosts.toml of a
 * large tree decodes that file again, not the whole tree. Bounded in entries and in text size;
 * the decoded files are shared read-only, as within one resolution.
 */
const remembered = lastResults<Result<HostsFile>>(1_000, 100_000);

function parseRemembered(path: string, text: string, reading: HostsReading): Result<HostsFile> {
  const { toml, emptyHostTree, keys } = reading;
  const key = `${toml}|${emptyHostTree}|${keys?.rewrites ?? ''}|${keys?.dialTimeout ?? ''}|${keys?.referrersCapability ?? ''}|${path}\u0000${text}`;
  return remembered(key, () => parseHostsFile(path, text, reading));
}

/** No directory, an empty file or one containerd cannot decode: a single host with no address. */
export function noHostsFile(decodeError: string | null): LoadedDir {
  return { hosts: [emptyHost()], decodeError, rootAppended: true, server: null };
}

/**
 * Default fill-in (spec §3.6): only when the last host has no address (a root with
 * `server = ""` or none, or no directory at all) does it become the registry itself.
 */
export function fillDefaultHost(hosts: HostEntry[], registryHost: string): HostEntry[] {
  const last = hosts[hosts.length - 1];
  if (last === undefined || last.host !== '') return hosts;
  return [...hosts.slice(0, -1), { ...last, ...defaultEndpointFor(registryHost), path: '/v2', capabilities: ALL_CAPABILITIES }];
}

/** The registry's own endpoint: Docker Hub is served by registry-1; localhost speaks HTTP on odd ports. */
function defaultEndpointFor(registryHost: string): Pick<HostEntry, 'scheme' | 'host'> & { skipVerify?: boolean } {
  if (registryHost === DOCKER_HUB) return { scheme: 'https', host: DOCKER_HUB_HOST };
  if (!isLocalhost(registryHost)) return { scheme: 'https', host: registryHost };
  const port = splitHostPort(registryHost)?.port ?? '';
  const scheme = port === '' || port === '443' ? 'https' : 'http';
  // Port 80 is unambiguously plain HTTP; anywhere else a local registry likely has a self-signed cert.
  return port === '80' ? { scheme, host: registryHost } : { scheme, host: registryHost, skipVerify: true };
}

/** An http host with any TLS setting, on a port other than 80, is tried over HTTPS first (spec §3.7). */
export function withTransport(host: HostEntry): RegistryHost {
  const explicitTLS = host.ca !== null || host.client !== null || host.skipVerify !== null;
  const port = splitHostPort(host.host)?.port ?? '';
  if (host.scheme === 'http' && explicitTLS && port !== '80') return { ...host, scheme: 'https', httpFallback: true };
  return { ...host, httpFallback: false };
}
