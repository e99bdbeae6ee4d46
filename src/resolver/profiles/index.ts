/**
 * Everything that differs between the K3s releases the playground compares, as data.
 * Stages read these fields; nothing else in the engine looks at a version string.
 *
 * The only difference between v1.32.2+k3s1 and v1.32.3+k3s1 is how their containerd
 * fork decides whether a hosts.toml's top-level `server` becomes the last (fallback)
 * host when the file also lists `[host."…"]` entries (spec §3.5). K3s writes the very
 * same files in both (spec §2.2).
 */
export type RootHostRule =
  /** Upstream containerd: the root host is always appended. */
  | 'always'
  /** K3s fork with go-toml key-presence check: `server = ""` counts (v1.32.3+k3s1 and the 1.7 fork). */
  | 'when-server-key-present'
  /** K3s fork v2.0.2-k3s2: an empty `server` counts as absent (k3s-io/k3s#11857). */
  | 'when-server-non-empty';

export interface VersionProfile {
  /** The K3s release, as K3s prints it. */
  id: string;
  /** The containerd build it embeds. */
  containerd: string;
  /** When a hosts.toml with `[host]` entries also gets its root `server` as the final fallback. */
  rootHost: RootHostRule;
  /** One line for people: what is special about this release. */
  note: string;
}

export const profiles = [
  {
    id: 'v1.32.2+k3s1',
    containerd: 'v2.0.2-k3s2',
    rootHost: 'when-server-non-empty',
    note: 'Wildcard mirrors never fall back to the upstream registry (k3s-io/k3s#11857).',
  },
  {
    id: 'v1.32.3+k3s1',
    containerd: 'v2.0.4-k3s2',
    rootHost: 'when-server-key-present',
    note: 'Fallback from wildcard mirrors to the upstream registry works again.',
  },
] as const satisfies readonly VersionProfile[];

export type VersionId = (typeof profiles)[number]['id'];

export const defaultVersions: readonly VersionId[] = profiles.map((profile) => profile.id);

/**
 * Finds a profile by the names people type: `v1.32.2+k3s1`, `v1.32.2`, `1.32.2`.
 * Returns null for an unknown release.
 */
export function findProfile(name: string): VersionProfile | null {
  const wanted = name.trim().replace(/^v?/, 'v');
  return profiles.find((profile) => profile.id === wanted || profile.id.split('+')[0] === wanted) ?? null;
}

/** Whether the root host is appended, given what the file says (spec §3.5). */
export function appendsRootHost(rule: RootHostRule, hostEntries: number, server: { present: boolean; value: string }): boolean {
  if (hostEntries === 0) return true;
  switch (rule) {
    case 'always':
      return true;
    case 'when-server-key-present':
      return server.present;
    case 'when-server-non-empty':
      return server.value !== '';
  }
}
