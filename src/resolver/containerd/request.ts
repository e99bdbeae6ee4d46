import { queryEscape } from '../go/url.ts';
import { cleanPath } from '../go/path.ts';
import { defaultHost } from '../registryNames.ts';

/**
 * The manifest request URL containerd sends (spec §3.10):
 * `<scheme>://<host>` + path.Join("/", hostPath, repository, "manifests", object), plus
 * `?ns=<registry>` whenever the host is not the registry itself, so mirrors can tell
 * registries apart. Docker Hub's own host (registry-1.docker.io) gets no `ns`.
 */
export function manifestURL(
  endpoint: { scheme: string; host: string; path: string },
  repository: string,
  object: string,
  registryHost: string,
): string {
  const joined = `${endpoint.path.startsWith('/') ? '' : '/'}${endpoint.path}/${repository}/manifests/${object}`;
  // path.Join cleans; valid repositories and host paths are already clean, rewritten ones may not be.
  const path = /\/\/|\/\.\.?(?:\/|$)/.test(joined) ? cleanPath(joined) : joined;
  const ns = isProxy(endpoint.host, registryHost) ? `?ns=${escapedNamespace(registryHost)}` : '';
  return `${endpoint.scheme}://${endpoint.host}${path}${ns}`;
}

const namespaces = new Map<string, string>();

/** The `ns` value, escaped once per registry host. */
function escapedNamespace(registryHost: string): string {
  let escaped = namespaces.get(registryHost);
  if (escaped === undefined) {
    escaped = queryEscape(registryHost);
    if (namespaces.size > 1_000) namespaces.clear();
    namespaces.set(registryHost, escaped);
  }
  return escaped;
}

/** containerd `isProxy`: a host other than the registry (Docker Hub's serving host excepted). */
export function isProxy(host: string, registryHost: string): boolean {
  return registryHost !== host && defaultHost(registryHost) !== host;
}
