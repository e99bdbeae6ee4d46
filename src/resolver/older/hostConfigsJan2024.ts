import type { Registry, RegistryConfig } from '../registries/model.ts';
import { WILDCARD_KEY, WILDCARD_DIR } from '../registryNames.ts';
import { normalizeEndpointAddress } from '../k3s/endpoint.ts';
import { mirrorEndpoint, type EndpointConfig, type GeneratedHosts, type GenerationEvent, type HostConfig, type RegistryEndpoint, type WrittenEndpoint } from '../k3s/hostConfigs.ts';

/**
 * K3s `getHostConfigs` of the January/February 2024 releases (profile P2; version-timeline §3 C1
 * and §9). Against today's generator it differs in four ways that each broke real clusters:
 * - mirrors are read first and configs after, by their raw key: `configs."*"` does not find the
 *   `"*"` mirror (stored as `_default`) and replaces it with a file for `https://*\/v2`;
 * - endpoint TLS/auth is looked up by the endpoint's serving host only (`registry-1.docker.io`);
 * - duplicate endpoints are written twice (containerd 1.7 then rejects the duplicated tables);
 * - a last endpoint equal to the registry's own drops the whole directory when it has no settings.
 * `_default` and `--disable-default-registry-endpoint` get no `server` at all, so containerd's
 * K3s fork never falls back from them.
 */
export function getHostConfigsJan2024(registry: Registry, noDefaultEndpoint: boolean, mirrorAddr: string): GeneratedHosts {
  const hosts = new Map<string, HostConfig>();
  const events: GenerationEvent[] = [];
  const written: WrittenEndpoint[] = [];

  for (const [key, mirror] of registry.mirrors) {
    const host: HostConfig = { default: defaultEndpoint(key, mirrorAddr), endpoints: [] };
    mirror.endpoints.forEach((endpoint, index) => {
      const normalized = normalizeEndpointAddress(endpoint.value, mirrorAddr);
      if (!normalized.ok) {
        events.push({ kind: 'invalid-endpoint', mirrorKey: key, index, endpoint: endpoint.value, span: endpoint.span, error: normalized.error });
        return;
      }
      // Configs are looked up by the serving host only (registry-1.docker.io, never docker.io).
      const entry = mirrorEndpoint(normalized.value, mirror, index, endpoint.span, mirrorAddr, configFor(registry.configs.get(normalized.value.url.host)));
      if (endpoint.span.end > 0) written.push(entry as WrittenEndpoint);
      host.endpoints.push(entry);
    });
    hosts.set(directoryKey(key), host);
  }

  for (const [key, config] of registry.configs) {
    // Looked up by the raw key, so "*" never finds the wildcard mirror stored as _default.
    const host = hosts.get(key) ?? { default: defaultEndpoint(key, mirrorAddr), endpoints: [] };
    if (host.endpoints.length === 0) {
      const normalized = normalizeEndpointAddress(key, mirrorAddr);
      if (!normalized.ok) {
        events.push({ kind: 'invalid-key', section: 'configs', key, span: config.keySpan, error: normalized.error });
      } else {
        const { url, urlString, registryName } = normalized.value;
        host.endpoints.push({
          url: urlString,
          address: { scheme: url.scheme, host: url.host },
          registryName,
          overridePath: false,
          rewrites: null,
          config: configFor(config),
          origin: null,
        });
      }
    }
    hosts.set(directoryKey(key), host);
  }

  for (const [dir, host] of hosts) {
    if (noDefaultEndpoint || dir === WILDCARD_DIR) host.default = null;
    const last = host.endpoints[host.endpoints.length - 1];
    if (last === undefined) hosts.delete(dir);
    else if (host.default !== null && last.url === host.default.url) {
      // The registry listed as its own last endpoint: without settings the directory goes, mirrors and all.
      if (!last.config.hasAuth && last.config.tls === null && (last.rewrites?.length ?? 0) === 0) hosts.delete(dir);
      else host.default = null;
    }
  }
  return { hosts, events, written };
}

/** `DefaultEndpoint`: the key as an endpoint URL, or none when it does not parse. */
function defaultEndpoint(key: string, mirrorAddr: string): RegistryEndpoint | null {
  const normalized = normalizeEndpointAddress(key, mirrorAddr);
  if (!normalized.ok) return null;
  const { url, urlString, registryName } = normalized.value;
  return { url: urlString, address: { scheme: url.scheme, host: url.host }, registryName, overridePath: false, rewrites: null, config: NO_CONFIG, origin: null };
}

const NO_CONFIG: EndpointConfig = { key: null, hasAuth: false, tls: null };

function configFor(config: RegistryConfig | undefined): EndpointConfig {
  return config === undefined ? NO_CONFIG : { key: config.key, hasAuth: config.auth !== null, tls: config.tls };
}

function directoryKey(key: string): string {
  return key === WILDCARD_KEY ? WILDCARD_DIR : key;
}
