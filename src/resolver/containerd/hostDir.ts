import { WILDCARD_DIR } from '../registryNames.ts';

/** Where K3s points containerd's `config_path` on a node (default data dir). */
export const CERTS_D = '/var/lib/rancher/k3s/agent/etc/containerd/certs.d';

/** containerd `hostDirectory`: `host:port` -> `host_port_` (the Windows-safe spelling, tried first). */
export function hostDirectory(host: string): string {
  const colon = host.lastIndexOf(':');
  return colon > 0 ? `${host.slice(0, colon)}_${host.slice(colon + 1)}_` : host;
}

/** containerd `hostPaths`: the directories tried, in order, for a registry host. */
export function hostPaths(host: string): string[] {
  const portSafe = hostDirectory(host);
  return [...(portSafe !== host ? [portSafe] : []), host, WILDCARD_DIR];
}

/**
 * containerd `HostDirFromRoot` (spec §3.3): the first of `host_port_`, `host`, `_default`
 * that exists, or null. Matching is exact: "registry.example.com" never uses
 * "registry.example.com:443/", and "docker.io" never uses "registry-1.docker.io/".
 */
export function findHostDir(host: string, existing: ReadonlySet<string>): string | null {
  return hostPaths(host).find((dir) => existing.has(dir)) ?? null;
}

/** A certs.d directory name: one path segment, as containerd joins it to the root. */
export function directoryNameProblem(dir: string): string | null {
  if (dir === '' || dir === '.' || dir === '..') return `"${dir}" is not a directory name`;
  if (/[/\\\u0000]/.test(dir)) return `"${dir.slice(0, 80)}" must be one directory name (no / or \\), like docker.io or registry.example.com_5000_`;
  if (dir.length > 255) return 'a directory name is at most 255 characters';
  return null;
}
