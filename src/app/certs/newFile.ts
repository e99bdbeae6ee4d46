import { DOCKER_HUB, DOCKER_HUB_HOST, WILDCARD_DIR } from '../../resolver/registryNames.ts';

/** Directory names people start with, in the order they are offered. */
export const SUGGESTED_DIRS = [DOCKER_HUB, WILDCARD_DIR, 'registry.k8s.io', 'ghcr.io', 'quay.io', 'registry.example.com_5000_'];

/** The first suggestion not taken yet (then docker.io-2, …: something the user renames). */
export function nextDirName(taken: ReadonlySet<string>): string {
  const free = SUGGESTED_DIRS.find((dir) => !taken.has(dir));
  if (free !== undefined) return free;
  for (let n = 2; ; n++) if (!taken.has(`registry${n}.example.com`)) return `registry${n}.example.com`;
}

/**
 * A starting hosts.toml for a directory: one mirror, then the registry itself (`server`), which
 * is what most people want. `_default` gets no server: it stands for every registry.
 */
export function starterHostsToml(dir: string): string {
  const mirror = '[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n';
  if (dir === WILDCARD_DIR) return `# Every registry without a directory of its own.\n${mirror}`;
  const registry = dir === DOCKER_HUB ? DOCKER_HUB_HOST : dir.replace(/_(\d+)_$/, ':$1');
  return `server = "https://${registry}"\n\n${mirror}`;
}
