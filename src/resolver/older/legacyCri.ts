import { isLocalhost } from '../go/net.ts';
import { parseURL } from '../go/url.ts';
import type { ReaderBehaviour } from '../profiles/profile.ts';
import { defaultHost, DOCKER_HUB, DOCKER_HUB_HOST, WILDCARD_KEY } from '../registryNames.ts';
import { err, ok, type Result } from '../result.ts';
import { loadTomlV1, plainValue } from './tomlV1.ts';
import type { RegistryHost } from '../containerd/configureHosts.ts';
import { blankHost } from '../containerd/hostsFile.ts';

/**
 * containerd's legacy CRI registry resolver (`registryHosts` without `config_path`), as the K3s
 * releases before January 2024 used it (profiles P0/P1, version-timeline §3 C0 and §9.5–§9.6):
 * config.toml's `registry.mirrors` decide the endpoints, the registry itself is appended unless an
 * endpoint already names it, and the K3s fork applies the mirror's rewrites to every endpoint.
 */

/** One `registry.mirrors` entry as containerd decoded it from config.toml. */
export interface CriMirror {
  endpoints: string[];
  rewrites: { pattern: string; replacement: string }[];
}

export type CriMirrors = ReadonlyMap<string, CriMirror>;

/**
 * Loads the registry section of config.toml the way containerd 1.x does (go-toml v1). An error
 * means containerd does not start at all: no image can be pulled on the node.
 */
export function loadCriMirrors(configToml: string, reader: Pick<ReaderBehaviour, 'builtinDockerHubMirror'>): Result<CriMirrors> {
  const tree = loadTomlV1(configToml);
  if (!tree.ok) return err(`failed to load TOML: ${tree.error}`);
  const section = tree.value.getPath(['plugins', 'io.containerd.grpc.v1.cri', 'registry', 'mirrors']);
  const mirrors = new Map<string, CriMirror>();
  // containerd 1.4's CRI defaults carry a docker.io mirror, which a config entry replaces but "*" never does.
  if (reader.builtinDockerHubMirror) mirrors.set(DOCKER_HUB, { endpoints: [`https://${DOCKER_HUB_HOST}`], rewrites: [] });
  const plain = section === undefined ? {} : plainValue(section as never);
  for (const [key, value] of Object.entries(isRecord(plain) ? plain : {})) {
    const entry = isRecord(value) ? value : {};
    const endpoints = Array.isArray(entry.endpoint) ? entry.endpoint.filter((item): item is string => typeof item === 'string') : [];
    const rewriteTable = isRecord(entry.rewrite) ? entry.rewrite : {};
    const rewrites = Object.entries(rewriteTable).flatMap(([pattern, replacement]) => (typeof replacement === 'string' ? [{ pattern, replacement }] : []));
    mirrors.set(key, { endpoints, rewrites });
  }
  return ok(mirrors);
}

/** The mirrors entry a registry uses: its own, else the wildcard's; null when neither exists. */
export function criMirrorKey(mirrors: CriMirrors, registryHost: string): string | null {
  if (mirrors.has(registryHost)) return registryHost;
  return mirrors.has(WILDCARD_KEY) ? WILDCARD_KEY : null;
}

/**
 * `registryEndpoints` + `registryHosts`: the hosts for a registry, in order, or the error that
 * fails every pull from it. Endpoints without a scheme get http only for localhost; the
 * registry's own endpoint is appended unless some endpoint's host is the registry name itself.
 */
export function criRegistryHosts(mirrors: CriMirrors, registryHost: string): Result<RegistryHost[]> {
  const key = criMirrorKey(mirrors, registryHost);
  const mirror = key === null ? undefined : mirrors.get(key);
  const endpoints: { raw: string; url: string }[] = [];
  for (const raw of mirror?.endpoints ?? []) {
    const withScheme = addDefaultScheme(raw);
    if (!withScheme.ok) return err(`get registry endpoints: parse endpoint url: ${withScheme.error}`);
    endpoints.push({ raw, url: withScheme.value });
  }
  const parsed: { raw: string; scheme: string; host: string; path: string }[] = [];
  for (const endpoint of endpoints) {
    const url = parseURL(endpoint.url);
    if (!url.ok) return err(`get registry endpoints: parse endpoint url: ${url.error}`);
    parsed.push({ raw: endpoint.raw, scheme: url.value.scheme, host: url.value.host, path: url.value.path });
  }
  const rewrites = mirror?.rewrites ?? [];
  const hosts = parsed.map((endpoint) => criHost(endpoint.raw, endpoint, rewrites, false));
  if (!parsed.some((endpoint) => endpoint.host === registryHost)) {
    const served = defaultHost(registryHost);
    hosts.push(criHost('', { scheme: defaultScheme(served), host: served, path: '' }, rewrites, true));
  }
  return ok(hosts);
}

/** A legacy host: pull and resolve only, the path as written (`/v2` only when there is none). */
function criHost(key: string, endpoint: { scheme: string; host: string; path: string }, rewrites: CriMirror['rewrites'], isRoot: boolean): RegistryHost {
  return {
    ...blankHost(key, isRoot),
    scheme: endpoint.scheme,
    host: endpoint.host,
    path: endpoint.path === '' ? '/v2' : endpoint.path,
    capabilities: { pull: true, resolve: true, push: false },
    rewrites,
    httpFallback: false,
  };
}

/** Plain HTTP for localhost and loopback addresses on any port, HTTPS for everything else. */
function defaultScheme(host: string): string {
  return isLocalhost(host) ? 'http' : 'https';
}

function addDefaultScheme(endpoint: string): Result<string> {
  if (endpoint.includes('://')) return ok(endpoint);
  const url = parseURL(`dummy://${endpoint}`);
  if (!url.ok) return err(url.error);
  return ok(`${defaultScheme(url.value.host)}://${endpoint}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
