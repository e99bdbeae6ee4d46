import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import { normalizeEndpointAddress } from '../k3s/endpoint.ts';
import { isLocalhost, urlHostPort } from '../go/net.ts';
import type { Mirror } from '../registries/model.ts';
import type { QuirkContext } from './context.ts';
import { isUnusableMirrorKey } from './keys.ts';
import { WILDCARD_KEY } from '../registryNames.ts';

/** What K3s reported while generating: unusable keys, unusable or duplicate endpoints. */
export function checkGenerationEvents(context: QuirkContext): SpannedDiagnostic[] {
  return context.events.map((event) => {
    switch (event.kind) {
      case 'invalid-key':
        return diagnostic('invalid-registry-key', `K3s cannot parse ${event.section}."${event.key}" and skips the whole entry: ${event.error}`, event.span);
      case 'invalid-endpoint':
        return diagnostic('invalid-endpoint', `K3s ignores the endpoint "${event.endpoint}" of mirrors."${event.mirrorKey}": ${event.error}`, event.span);
      case 'duplicate-endpoint':
        return diagnostic('duplicate-endpoint', `"${event.endpoint}" normalises to the same URL as an earlier endpoint of mirrors."${event.mirrorKey}"; K3s skips it, so it is not tried twice.`, event.span);
    }
  });
}

/** Per mirror: no endpoints, the registry's own endpoint listed explicitly, empty endpoints. */
export function checkMirrorEndpoints(context: QuirkContext): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  for (const mirror of context.registry.mirrors.values()) {
    found.push(...checkNoEndpoints(mirror, context), ...checkExplicitDefault(mirror, context), ...checkEmptyEndpoints(mirror));
  }
  return found;
}

function checkNoEndpoints(mirror: Mirror, context: QuirkContext): SpannedDiagnostic[] {
  if (mirror.endpoints.length > 0 || mirror.rewrites.length > 0 || isUnusableMirrorKey(mirror.key)) return [];
  const getsEmbedded = context.embeddedRegistry && !isLocalhost(mirror.key);
  if (getsEmbedded) return [];
  if (context.disableDefaultRegistryEndpoint) {
    return [
      diagnostic(
        'disable-default-no-endpoints',
        `mirrors."${mirror.key}" has no endpoints, so K3s writes no hosts.toml for it and --disable-default-registry-endpoint cannot remove anything: containerd still pulls from the registry itself.`,
        mirror.keySpan,
      ),
    ];
  }
  const why = context.embeddedRegistry
    ? ' (localhost registries are not mirrored by the embedded registry)'
    : '. An entry like this only does something with --embedded-registry, which makes the node\'s peers a mirror for it';
  return [diagnostic('mirror-no-endpoints', `mirrors."${mirror.key}" has no endpoints${why}: as it is, K3s writes nothing for it and containerd pulls from the registry directly.`, mirror.keySpan)];
}

function checkExplicitDefault(mirror: Mirror, context: QuirkContext): SpannedDiagnostic[] {
  if (mirror.key === WILDCARD_KEY) return [];
  // The key's own default URL, as K3s's defaultHostConfig computes it (the model drops it under --disable-default-registry-endpoint).
  const own = normalizeEndpointAddress(mirror.key, context.mirrorAddr);
  if (!own.ok) return [];
  const found: SpannedDiagnostic[] = [];
  for (const { origin, url } of context.endpoints) {
    if (origin.mirrorKey !== mirror.key || url !== own.value.urlString) continue;
    const endpoint = { value: mirror.endpoints[origin.index]?.value ?? '', span: origin.span };
    const isLast = origin.index === mirror.endpoints.length - 1;
    if (!isLast) {
      found.push(
        diagnostic(
          'default-endpoint-not-last',
          `"${endpoint.value}" is ${mirror.key}'s own default endpoint, listed before other endpoints: K3s keeps it as an ordinary mirror here${context.disableDefaultRegistryEndpoint ? '' : ' and containerd still falls back to it at the end, so it is tried twice'}. Move it last or remove it.`,
          endpoint.span,
        ),
      );
    } else if (!context.disableDefaultRegistryEndpoint) {
      found.push(diagnostic('default-endpoint-redundant', `"${endpoint.value}" is ${mirror.key}'s own default endpoint; K3s always falls back to it last, so listing it changes nothing.`, endpoint.span));
    }
  }
  return found;
}

function checkEmptyEndpoints(mirror: Mirror): SpannedDiagnostic[] {
  return mirror.endpoints
    .filter((endpoint) => endpoint.value.trim() === '')
    .map((endpoint) => diagnostic('empty-endpoint', `An empty endpoint in mirrors."${mirror.key}" becomes a host with no address.`, endpoint.span));
}

/** http:// endpoints combined with TLS settings or credentials, as K3s configured them. */
export function checkTransport(context: QuirkContext): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  for (const { address, config, origin } of context.endpoints) {
    if (address?.scheme !== 'http') continue;
    const written = context.registry.mirrors.get(origin.mirrorKey)?.endpoints[origin.index]?.value ?? '';
    if (config.tls !== null && urlHostPort(address.host).port !== '80') {
      found.push(
        diagnostic(
          'http-endpoint-with-tls',
          `configs."${config.key}" gives TLS settings to the http:// endpoint "${written}": containerd tries HTTPS first and falls back to plain HTTP only on a TLS error. Drop the tls block or use https://.`,
          origin.span,
        ),
      );
    }
    if (config.hasAuth) found.push(diagnostic('auth-over-http', `Credentials from configs."${config.key}" are sent to "${written}" over plain HTTP.`, origin.span));
  }
  return found;
}
