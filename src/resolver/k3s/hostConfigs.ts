import { isLocalhost } from '../go/net.ts';
import type { Mirror, Registry, RegistryConfig, Rewrite, TlsConfig } from '../registries/model.ts';
import { emptySpan, type Span } from '../registries/span.ts';
import { normalizeEndpointAddress, type NormalizedEndpoint } from './endpoint.ts';
import { defaultHost, storedKey, WILDCARD_KEY } from '../registryNames.ts';

/**
 * K3s's in-memory model of one certs.d directory (`templates.HostConfig`): the root
 * ("default") endpoint and the mirror endpoints in order. Text is rendered from this
 * in render.ts, so the model can be tested against K3s's own unit-test expectations.
 */
export interface HostConfig {
  /** nil in Go when --disable-default-registry-endpoint removed it. */
  default: RegistryEndpoint | null;
  endpoints: RegistryEndpoint[];
}

export interface RegistryEndpoint {
  /** `URL.String()`; null for a nil URL (`configs."*"`), "" for the empty wildcard URL. */
  url: string | null;
  /** The URL's scheme and host (with port), as K3s parsed them; null without a URL. */
  address: { scheme: string; host: string } | null;
  /** The name configs are looked up by (`configForHost`): the host as written, docker.io for Docker Hub. */
  registryName: string | null;
  overridePath: boolean;
  /** Rewrites copied from the mirror; null for the embedded registry endpoint. */
  rewrites: Rewrite[] | null;
  config: EndpointConfig;
  /** Where it came from in registries.yaml; null for the injected embedded registry. */
  origin: EndpointOrigin | null;
}

export interface EndpointConfig {
  /** The configs key that supplied auth/tls, if any. */
  key: string | null;
  hasAuth: boolean;
  tls: TlsConfig | null;
}

export interface EndpointOrigin {
  mirrorKey: string;
  index: number;
  span: Span;
}

/** An endpoint written in registries.yaml, as K3s normalised it (the injected embedded registry has no origin). */
export type WrittenEndpoint = RegistryEndpoint & { origin: EndpointOrigin };

/** What K3s logs while generating (invalid or duplicate endpoints, unusable keys). */
export type GenerationEvent =
  | { kind: 'invalid-key'; section: 'mirrors' | 'configs'; key: string; span: Span; error: string }
  | { kind: 'invalid-endpoint'; mirrorKey: string; index: number; endpoint: string; span: Span; error: string }
  | { kind: 'duplicate-endpoint'; mirrorKey: string; index: number; endpoint: string; span: Span; firstIndex: number };

/** `--embedded-registry` settings: where the node's embedded (Spegel) registry listens and its TLS files. */
export interface EmbeddedRegistry {
  mirrorAddr: string;
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** `net.JoinHostPort("", "")`: the mirror address when the embedded registry is off; matches no real host. */
export const NO_MIRROR_ADDR = ':';


const NO_CONFIG: EndpointConfig = { key: null, hasAuth: false, tls: null };

/**
 * Spegel `InjectMirror` (spec §1.3): the embedded registry becomes the first endpoint of
 * every non-localhost mirror, gets its own mirror entry, and its client TLS config. Before
 * March 2024 the wildcard was left out (version-timeline §9.3).
 */
export function injectEmbeddedMirror(registry: Registry, embedded: EmbeddedRegistry, includeWildcard = true): Registry {
  const mirrorURL = `https://${embedded.mirrorAddr}/v2`;
  const injected = { value: mirrorURL, span: emptySpan };
  const mirrors = new Map<string, Mirror>();
  for (const [key, mirror] of registry.mirrors) {
    const skip = isLocalhost(key) || (!includeWildcard && key === WILDCARD_KEY);
    mirrors.set(key, skip ? mirror : { ...mirror, endpoints: [injected, ...mirror.endpoints] });
  }
  mirrors.set(embedded.mirrorAddr, { key: embedded.mirrorAddr, keySpan: emptySpan, endpoints: [injected], rewrites: [] });
  const configs = new Map(registry.configs);
  configs.set(embedded.mirrorAddr, {
    key: embedded.mirrorAddr,
    keySpan: emptySpan,
    auth: null,
    tls: { caFile: embedded.caFile, certFile: embedded.certFile, keyFile: embedded.keyFile, insecureSkipVerify: false, span: emptySpan },
  });
  return { mirrors, configs };
}

/** What a getHostConfigs produces: the model per stored key, what K3s logged, and every endpoint it normalised. */
export interface GeneratedHosts {
  hosts: Map<string, HostConfig>;
  events: GenerationEvent[];
  written: WrittenEndpoint[];
}

/**
 * K3s `getHostConfigs` (spec §1.6): configs first, then mirrors, then drop directories
 * that would only repeat containerd's built-in default. Keys are registry keys, `"*"` stored as `_default`.
 */
export function getHostConfigs(registry: Registry, noDefaultEndpoint: boolean, mirrorAddr: string): GeneratedHosts {
  const hosts = new Map<string, HostConfig>();
  const events: GenerationEvent[] = [];
  // Every endpoint K3s normalised, kept even where the cleanup below drops its directory.
  const written: WrittenEndpoint[] = [];

  for (const [key, config] of registry.configs) {
    const host = defaultHostConfig(key, mirrorAddr, endpointConfig(config));
    if (!host.ok) {
      events.push({ kind: 'invalid-key', section: 'configs', key, span: config.keySpan, error: host.error });
      continue;
    }
    hosts.set(storedKey(key), host.value);
  }

  for (const [key, mirror] of registry.mirrors) {
    // Looked up by the raw key: configs."*" was stored as _default, so it is never reused here (spec §1.6 2a).
    let host = hosts.get(key);
    if (host === undefined) {
      const created = defaultHostConfig(key, mirrorAddr, configForHost(registry.configs, key));
      if (!created.ok) {
        events.push({ kind: 'invalid-key', section: 'mirrors', key, span: mirror.keySpan, error: created.error });
        continue;
      }
      host = created.value;
      if (noDefaultEndpoint) host.default = null;
      else if (key === WILDCARD_KEY) host.default = { url: '', address: null, registryName: null, overridePath: false, rewrites: null, config: NO_CONFIG, origin: null };
    }
    addMirrorEndpoints(host, mirror, registry.configs, mirrorAddr, events, written);
    hosts.set(storedKey(key), host);
  }

  for (const [dir, host] of hosts) {
    if (host.endpoints.length === 0 && !endpointHasConfig(host.default)) hosts.delete(dir);
  }
  return { hosts, events, written };
}

function addMirrorEndpoints(
  host: HostConfig,
  mirror: Mirror,
  configs: Registry['configs'],
  mirrorAddr: string,
  events: GenerationEvent[],
  written: WrittenEndpoint[],
): void {
  const seen = new Map<string, number>();
  mirror.endpoints.forEach((endpoint, index) => {
    const normalized = normalizeEndpointAddress(endpoint.value, mirrorAddr);
    if (!normalized.ok) {
      events.push({ kind: 'invalid-endpoint', mirrorKey: mirror.key, index, endpoint: endpoint.value, span: endpoint.span, error: normalized.error });
      return;
    }
    const { urlString, registryName } = normalized.value;
    const firstIndex = seen.get(urlString);
    if (firstIndex !== undefined) {
      events.push({ kind: 'duplicate-endpoint', mirrorKey: mirror.key, index, endpoint: endpoint.value, span: endpoint.span, firstIndex });
      return;
    }
    seen.set(urlString, index);
    const entry = mirrorEndpoint(normalized.value, mirror, index, endpoint.span, mirrorAddr, configForHost(configs, registryName));
    if (entry.origin !== null && entry.origin.span.end > 0) written.push(entry as WrittenEndpoint);
    // An explicit default endpoint is folded into the root only when it is listed last.
    const isLast = index === mirror.endpoints.length - 1;
    if (isLast && urlString === (host.default?.url ?? '')) host.default = entry;
    else host.endpoints.push(entry);
  });
}

/** One endpoint of a mirror, as the template's RegistryEndpoint. */
export function mirrorEndpoint(normalized: NormalizedEndpoint, mirror: Mirror, index: number, span: Span, mirrorAddr: string, config: EndpointConfig): RegistryEndpoint {
  const { url, urlString, registryName, overridePath } = normalized;
  return {
    url: urlString,
    address: { scheme: url.scheme, host: url.host },
    registryName,
    overridePath,
    // The embedded registry serves content by digest under the original names: never rewritten.
    rewrites: url.host !== mirrorAddr ? mirror.rewrites : null,
    config,
    origin: { mirrorKey: mirror.key, index, span },
  };
}

/** `defaultHostConfig`: the root endpoint for a key; the wildcard has no URL of its own. */
function defaultHostConfig(
  key: string,
  mirrorAddr: string,
  config: EndpointConfig,
): { ok: true; value: HostConfig } | { ok: false; error: string } {
  const normalized = normalizeEndpointAddress(key, mirrorAddr);
  if (!normalized.ok) return { ok: false, error: `failed to normalize default endpoint ${key}: ${normalized.error}` };
  return {
    ok: true,
    value: {
      default:
        key === WILDCARD_KEY
          ? { url: null, address: null, registryName: null, overridePath: false, rewrites: null, config, origin: null }
          : {
              url: normalized.value.urlString,
              address: { scheme: normalized.value.url.scheme, host: normalized.value.url.host },
              registryName: normalized.value.registryName,
              overridePath: false,
              rewrites: null,
              config,
              origin: null,
            },
      endpoints: [],
    },
  };
}

/** `configForHost`: exact key, except Docker Hub's serving host is tried first. No wildcard fallback. */
export function configForHost(configs: Registry['configs'], name: string): EndpointConfig {
  const served = defaultHost(name);
  const config = (served !== name ? configs.get(served) : undefined) ?? configs.get(name);
  return config === undefined ? NO_CONFIG : endpointConfig(config);
}

function endpointConfig(config: RegistryConfig): EndpointConfig {
  return { key: config.key, hasAuth: config.auth !== null, tls: config.tls };
}

/** `endpointHasConfig`: whether a root endpoint says anything containerd would not assume anyway. */
function endpointHasConfig(endpoint: RegistryEndpoint | null): boolean {
  if (endpoint === null) return false;
  return endpoint.overridePath || endpoint.config.hasAuth || endpoint.config.tls !== null || (endpoint.rewrites?.length ?? 0) > 0;
}

/** Linux directory name for a stored key: verbatim, as `filepath.Join` cleans it (a key with "//" nests). */
export function directoryFor(hostKey: string): string {
  return cleanRelativePath(hostKey);
}

/** `filepath.Join(certsDir, key)` relative to certs.d: collapses "//" and "." the way Go does. */
function cleanRelativePath(key: string): string {
  const parts: string[] = [];
  for (const part of key.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
