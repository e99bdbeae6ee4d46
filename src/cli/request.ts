import { defaultReleases, directoryNameProblem, findRelease, type Distribution, type Release, type ResolveInput } from '../resolver/index.ts';
import { UserError } from './errors.ts';

/**
 * Turns release names (`v1.28.7+k3s1`, `1.29.3`, `v1.30.5+rke2r1`, `containerd v2.0.4`) into releases; a
 * bare number takes `product`. The default pair when none are named.
 */
export function releasesFor(names: readonly string[] | undefined, product: Distribution = 'k3s'): Release[] {
  if (names === undefined || names.length === 0) return defaultReleases(product);
  return names.map((name) => {
    const found = findRelease(name, product);
    if (!found.ok) throw new UserError(found.error);
    return found.release;
  });
}

/** The engine input for one request, with each release's real embedded-registry settings. */
export function resolveInput(request: {
  registriesYaml: string;
  images: readonly string[];
  releases: readonly Release[];
  disableDefaultRegistryEndpoint?: boolean | undefined;
  embeddedRegistry?: boolean | undefined;
  hostsDirs?: Readonly<Record<string, string>> | undefined;
}): ResolveInput {
  return {
    registriesYaml: request.registriesYaml,
    ...(request.hostsDirs !== undefined ? { hostsDirs: request.hostsDirs } : {}),
    images: request.images,
    releases: request.releases,
    disableDefaultRegistryEndpoint: request.disableDefaultRegistryEndpoint === true,
    embeddedRegistry: request.embeddedRegistry === true,
  };
}

/** At most this many certs.d directories per request: a hostile request cannot ask for unbounded work. */
export const MAX_HOSTS_DIRS = 1_000;

/**
 * Checks a certs.d tree given as `{directory: hosts.toml text}`: names containerd could look up
 * (one path segment), texts as strings. Returns the problem, or null.
 */
export function hostsDirsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'hostsDirs must be an object of {directory: hosts.toml text}';
  const entries = Object.entries(value);
  if (entries.length > MAX_HOSTS_DIRS) return `hostsDirs has ${entries.length.toLocaleString('en-US')} directories; at most ${MAX_HOSTS_DIRS.toLocaleString('en-US')} are read`;
  for (const [dir, text] of entries) {
    const problem = directoryNameProblem(dir);
    if (problem !== null) return `hostsDirs: ${problem}`;
    if (typeof text !== 'string') return `hostsDirs["${dir.slice(0, 80)}"] must be the hosts.toml text (a string)`;
  }
  return null;
}
