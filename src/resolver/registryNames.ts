/**
 * The few names K3s and containerd treat specially, each defined once.
 *
 * Docker Hub has three names: `docker.io` in image references, `index.docker.io` (the legacy
 * name, normalised to docker.io, spec §3.1), and `registry-1.docker.io`, the host that serves
 * it (docker.DefaultHost: the only registry whose name and host differ, spec §1.4).
 *
 * The wildcard `"*"` in registries.yaml matches every registry without its own entry; K3s
 * writes it to `certs.d/_default`, the directory containerd falls back to (spec §1.6, §3.3).
 */
export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_LEGACY = 'index.docker.io';
export const DOCKER_HUB_HOST = 'registry-1.docker.io';

export const WILDCARD_KEY = '*';
export const WILDCARD_DIR = '_default';

/** docker.DefaultHost: the host that serves a registry name (only Docker Hub's differs). */
export function defaultHost(name: string): string {
  return name === DOCKER_HUB ? DOCKER_HUB_HOST : name;
}

/** The certs.d directory K3s stores a registries.yaml key under (before Linux path cleaning). */
export function storedKey(key: string): string {
  return key === WILDCARD_KEY ? WILDCARD_DIR : key;
}

/** The registries.yaml key a certs.d directory came from. */
export function keyOfDirectory(dir: string): string {
  return dir === WILDCARD_DIR ? WILDCARD_KEY : dir;
}
