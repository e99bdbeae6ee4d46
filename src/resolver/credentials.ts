import type { Registry } from './registries/model.ts';

/**
 * Which registries.yaml credentials containerd sends with a request. K3s renders every
 * `configs."<key>".auth` into containerd's config.toml under the key as written; containerd's CRI
 * looks them up by the host of each request (`Registry.Configs[host]`, image_pull.go) — the mirror's
 * host:port, not the registry the image names, and never `"*"`. A pod's imagePullSecret, when the
 * kubelet passes one, replaces these for every host of that pull (k3s-io/k3s#8026).
 * [inferred for Docker Hub's default endpoint: the request host is registry-1.docker.io]
 */
export interface RequestCredentials {
  /** The configs keys whose auth K3s renders, as written. */
  authKeys: string[];
}

export function requestCredentials(registry: Registry | null): RequestCredentials {
  if (registry === null) return { authKeys: [] };
  return { authKeys: [...registry.configs.values()].filter((config) => config.auth !== null).map((config) => config.key) };
}

/** The configs key whose auth goes with a request to `host` (host:port), or null: no credentials are sent. */
export function credentialsFor(credentials: RequestCredentials, host: string): string | null {
  return credentials.authKeys.includes(host) ? host : null;
}

/** Where the credentials of one request come from. */
export type CredentialSource = { from: 'pull-secret' } | { from: 'configs'; key: string } | { from: 'none' };

/**
 * With the pod's imagePullSecret: the kubelet passes one credential for the pull, and containerd's
 * CRI then sends it to every host of the chain and never reads configs (image_pull.go `credentials`:
 * `hostauth := r.GetAuth()`; configs only when it is nil). So a mirror gets the upstream registry's
 * credentials, not its own (k3s-io/k3s#8026). [inferred: the kubelet leaves ServerAddress empty]
 */
export function credentialSource(credentials: RequestCredentials, host: string, pullSecret: boolean): CredentialSource {
  if (pullSecret) return { from: 'pull-secret' };
  const key = credentialsFor(credentials, host);
  return key === null ? { from: 'none' } : { from: 'configs', key };
}
