import { DOCKER_HUB, DOCKER_HUB_HOST } from '../registryNames.ts';
import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import { urlHostPort } from '../go/net.ts';
import type { RegistryConfig } from '../registries/model.ts';
import type { QuirkContext } from './context.ts';
import { defaultHost, WILDCARD_KEY } from '../registryNames.ts';

/** Wildcard configs, the flag K3s ignores, half client pairs. */
export function checkConfigs(context: QuirkContext): SpannedDiagnostic[] {
  const { mirrors, configs } = context.registry;
  const found: SpannedDiagnostic[] = [];
  const wildcard = configs.get(WILDCARD_KEY);
  if (wildcard?.tls !== null && wildcard !== undefined && mirrors.has(WILDCARD_KEY)) {
    found.push(
      diagnostic(
        'wildcard-config-tls-lost',
        'configs."*".tls is lost: K3s stores it under _default, then mirrors."*" replaces that directory, so _default/hosts.toml has none of these TLS settings.',
        wildcard.keySpan,
      ),
    );
  }
  if (wildcard?.auth !== null && wildcard !== undefined) {
    found.push(
      diagnostic(
        'wildcard-auth-unused',
        'configs."*".auth is never used: containerd looks credentials up by the exact host of the endpoint it is talking to, and no host is "*". Put the credentials under each endpoint host.',
        wildcard.keySpan,
      ),
    );
  }
  if (context.disableDefaultRegistryEndpoint) {
    for (const [key, mirror] of mirrors) {
      if (key !== WILDCARD_KEY && configs.has(key)) {
        found.push(
          diagnostic(
            'disable-default-ignored',
            `--disable-default-registry-endpoint is ignored for "${key}": it also appears under configs, and K3s builds that directory from the configs entry, keeping its default endpoint (containerd still falls back to ${key}).`,
            mirror.keySpan,
          ),
        );
      }
    }
  }
  for (const config of configs.values()) {
    const tls = config.tls;
    if (tls !== null && (tls.certFile === '') !== (tls.keyFile === '')) {
      const missing = tls.certFile === '' ? 'cert_file' : 'key_file';
      found.push(diagnostic('tls-client-pair-incomplete', `configs."${config.key}".tls has no ${missing}: K3s writes "" in its place and the client certificate cannot be loaded.`, tls.span));
    }
  }
  return found;
}

/**
 * Configs apply to endpoints by exact `host[:port]` (spec §1.5). Two common slips:
 * keying TLS/auth by the upstream registry instead of the mirror host, and a host whose
 * port differs from the endpoint's.
 */
export function checkConfigMatching(context: QuirkContext): SpannedDiagnostic[] {
  const { mirrors, configs } = context.registry;
  const endpointHosts = new Map<string, string>();
  const byHostname = new Map<string, string>();
  for (const { registryName, origin } of context.endpoints) {
    if (registryName === null) continue;
    endpointHosts.set(registryName, origin.mirrorKey);
    // "harbor" near-misses "harbor.corp.example.net": index every leading run of labels.
    const labels = hostname(registryName).split('.');
    for (let count = 1; count <= labels.length; count++) {
      const prefix = labels.slice(0, count).join('.');
      if (!byHostname.has(prefix)) byHostname.set(prefix, registryName);
    }
  }
  const found: SpannedDiagnostic[] = [];
  for (const config of configs.values()) {
    if (config.key === WILDCARD_KEY || (config.auth === null && config.tls === null)) continue;
    if (endpointHosts.has(config.key) || endpointHosts.has(defaultHost(config.key))) continue;
    const upstream = keyedByUpstream(config, context);
    if (upstream !== null) {
      found.push(upstream);
      continue;
    }
    if (mirrors.has(config.key)) continue;
    // Indexed by hostname: a file with thousands of configs and endpoints stays linear.
    const nearMiss = byHostname.get(hostname(config.key));
    if (nearMiss !== undefined) {
      found.push(
        diagnostic(
          'config-host-mismatch',
          `configs."${config.key}" does not apply to the endpoint host "${nearMiss}": configs are matched by exact host[:port]. Use "${nearMiss}" as the key.`,
          config.keySpan,
        ),
      );
    }
  }
  return found;
}

function keyedByUpstream(config: RegistryConfig, context: QuirkContext): SpannedDiagnostic | null {
  const mirror = context.registry.mirrors.get(config.key);
  if (mirror === undefined || mirror.endpoints.length === 0) return null;
  const hosts = context.endpoints.flatMap(({ origin, registryName }) => (origin.mirrorKey === config.key && registryName !== null ? [registryName] : []));
  if (hosts.length === 0) return null;
  const what = [config.tls !== null ? 'tls' : '', config.auth !== null ? 'auth' : ''].filter(Boolean).join(' and ');
  // Credentials go by the request host: Docker Hub's requests go to registry-1.docker.io, never "docker.io".
  const own = config.key === DOCKER_HUB && config.auth !== null ? `reaches no request (Docker Hub is served by ${DOCKER_HUB_HOST}, and containerd looks credentials up by the request host), and not` : `applies only to ${config.key}'s own default endpoint, not`;
  return diagnostic(
    'config-keyed-by-upstream',
    `configs."${config.key}".${what} ${own} to its mirror endpoint${hosts.length > 1 ? 's' : ''} ${hosts.map((host) => `"${host}"`).join(', ')}. To use it with the mirror, key it by the mirror host: configs."${hosts[0]}".`,
    config.keySpan,
  );
}

function hostname(hostport: string): string {
  return urlHostPort(hostport).hostname;
}
