import { isLocalhost, urlHostPort } from '../go/net.ts';
import { formatURL, parseURL, type GoURL } from '../go/url.ts';
import { err, ok, type Result } from '../result.ts';
import { defaultHost, DOCKER_HUB, DOCKER_HUB_HOST } from '../registryNames.ts';

/** An endpoint (or registry key) after K3s normalised it (spec §1.4). */
export interface NormalizedEndpoint {
  /** Host as written, with port; "docker.io" for Docker Hub's registry-1 host. Used to look up configs. */
  registryName: string;
  url: GoURL;
  /** `url.String()`: what K3s compares and writes. */
  urlString: string;
  /** True when the path is anything but "", "/" or "/v2": containerd then uses it verbatim. */
  overridePath: boolean;
}

/**
 * K3s `normalizeEndpointAddress`: accepts `host`, `host:port`, `host/path` or a full URL;
 * picks http only for localhost on an odd port (unless it is the embedded registry),
 * maps docker.io to registry-1.docker.io, and defaults the path to /v2.
 */
export function normalizeEndpointAddress(endpoint: string, mirrorAddr: string): Result<NormalizedEndpoint> {
  // Every generator, the quirk checks and the release diagnostics normalise the same endpoints.
  const key = `${mirrorAddr} ${endpoint}`;
  let result = normalized.get(key);
  if (result === undefined) {
    result = normalize(endpoint, mirrorAddr);
    if (normalized.size >= 2_000) normalized.clear();
    normalized.set(key, result);
  }
  return result;
}

/** Results are shared: treat them as read-only. */
const normalized = new Map<string, Result<NormalizedEndpoint>>();

function normalize(endpoint: string, mirrorAddr: string): Result<NormalizedEndpoint> {
  const withScheme = endpoint.includes('://') ? endpoint : `//${endpoint}`;
  const parsed = parseURL(withScheme);
  if (!parsed.ok) return err(parsed.error);
  const url = { ...parsed.value };
  if (url.scheme === '') url.scheme = impliedScheme(url, mirrorAddr);
  let registryName = url.host;
  url.host = defaultHost(registryName);
  if (url.host === DOCKER_HUB_HOST) registryName = DOCKER_HUB;
  const overridePath = !['', '/', '/v2'].includes(url.path);
  if (!overridePath) [url.path, url.rawPath] = ['/v2', ''];
  return ok({ registryName, url, urlString: formatURL(url), overridePath });
}

/** Localhost on a port other than 443 speaks plain HTTP by convention; everything else HTTPS. */
function impliedScheme(url: GoURL, mirrorAddr: string): 'http' | 'https' {
  const { port } = urlHostPort(url.host);
  const isPlainLocal = isLocalhost(url.host) && port !== '' && port !== '443' && url.host !== mirrorAddr;
  return isPlainLocal ? 'http' : 'https';
}
