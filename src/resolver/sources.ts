import type { RegistryHost } from './containerd/index.ts';
import type { HostConfig } from './k3s/hostConfigs.ts';
import type { Mirror, Registry } from './registries/model.ts';
import { keyOfDirectory } from './registryNames.ts';
import type { SourceRef } from './resolution.ts';
import { tableHeaders, tomlKeyLines, topLevelKey } from './containerd/tomlHeaders.ts';

/** The mirror key, endpoint, rewrite and config in registries.yaml that produced a chain step. */
export function sourcesOf(host: RegistryHost, pattern: string | null, hostsDir: string | null, hostConfigs: ReadonlyMap<string, HostConfig>, registry: Registry): SourceRef[] {
  const sources: SourceRef[] = [];
  const hostConfig = hostsDir === null ? undefined : hostConfigs.get(hostsDir);
  if (hostConfig !== undefined) {
    const generated = host.isRoot ? hostConfig.default : endpointsByUrl(hostConfig).get(host.key);
    const mirrorKey = generated?.origin?.mirrorKey ?? (hostsDir === null ? null : keyOfDirectory(hostsDir));
    const mirror = mirrorKey === null ? undefined : registry.mirrors.get(mirrorKey);
    if (mirror !== undefined && mirror.keySpan.end > 0) sources.push({ role: 'mirror', span: mirror.keySpan });
    if (generated?.origin && generated.origin.span.end > 0) sources.push({ role: 'endpoint', span: generated.origin.span });
    const rule = pattern === null || mirror === undefined ? undefined : rewritesByPattern(mirror).get(pattern);
    if (rule !== undefined) sources.push({ role: 'rewrite', span: rule.span });
    const configKey = generated?.config.key ?? null;
    const config = configKey === null ? undefined : registry.configs.get(configKey);
    if (config !== undefined && config.keySpan.end > 0) sources.push({ role: 'config', span: config.keySpan });
  }
  return sources;
}

const endpointIndex = new WeakMap<HostConfig, Map<string | null, HostConfig['endpoints'][number]>>();

/** A directory's endpoints by URL, built once: looking each host up in the list is quadratic. */
function endpointsByUrl(hostConfig: HostConfig): Map<string | null, HostConfig['endpoints'][number]> {
  let index = endpointIndex.get(hostConfig);
  if (index === undefined) {
    index = new Map();
    for (const endpoint of hostConfig.endpoints) if (!index.has(endpoint.url)) index.set(endpoint.url, endpoint);
    endpointIndex.set(hostConfig, index);
  }
  return index;
}

const rewriteIndex = new WeakMap<Mirror, Map<string, Mirror['rewrites'][number]>>();

function rewritesByPattern(mirror: Mirror): Map<string, Mirror['rewrites'][number]> {
  let index = rewriteIndex.get(mirror);
  if (index === undefined) rewriteIndex.set(mirror, (index = new Map(mirror.rewrites.map((rule) => [rule.pattern, rule] as const))));
  return index;
}


/**
 * The same for the legacy CRI resolver (config.toml releases): hosts come straight from the
 * mirrors entry, so the entry's key, the endpoint as written and the rewrite are the sources.
 */
export function legacySourcesOf(host: RegistryHost, pattern: string | null, mirrorKey: string | null, registry: Registry): SourceRef[] {
  const mirror = mirrorKey === null ? undefined : registry.mirrors.get(mirrorKey);
  if (mirror === undefined) return [];
  const sources: SourceRef[] = [];
  if (mirror.keySpan.end > 0) sources.push({ role: 'mirror', span: mirror.keySpan });
  const endpoint = host.isRoot ? undefined : mirror.endpoints.find((candidate) => candidate.value === host.key);
  if (endpoint !== undefined && endpoint.span.end > 0) sources.push({ role: 'endpoint', span: endpoint.span });
  const rule = pattern === null ? undefined : rewritesByPattern(mirror).get(pattern);
  if (rule !== undefined) sources.push({ role: 'rewrite', span: rule.span });
  return sources;
}

/**
 * A host read from a hosts.toml you wrote: its `[host."…"]` table header, or for the root host the
 * top-level `server` line (the file's first line when it has none).
 */
export function yourFileSources(host: RegistryHost, dir: string, text: string): SourceRef[] {
  if (!host.isRoot) {
    const header = tableHeaders(text).find(({ parts }) => parts[0] === 'host' && parts[1] === host.key);
    return header === undefined ? [] : [{ role: 'host', file: dir, span: { start: header.start, end: header.end } }];
  }
  const server = topLevelKey(tomlKeyLines(text), 'server');
  return [{ role: 'host', file: dir, span: server === undefined ? { start: 0, end: Math.max(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')) } : { start: server.keyStart, end: server.lineEnd } }];
}
