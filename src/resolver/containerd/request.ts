import { queryEscape } from '../go/url.ts';
import { cleanPath } from './hostsFile.ts';

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
  const path = cleanPath(['/', endpoint.path, repository, 'manifests', object].filter((part) => part !== '').join('/'));
  const ns = isProxy(endpoint.host, registryHost) ? `?ns=${queryEscape(registryHost)}` : '';
  return `${endpoint.scheme}://${endpoint.host}${path}${ns}`;
}

/** containerd `isProxy`: a host other than the registry (Docker Hub's serving host excepted). */
export function isProxy(host: string, registryHost: string): boolean {
  return registryHost !== host && !(registryHost === 'docker.io' && host === 'registry-1.docker.io');
}
