import type { ProfileId } from './profile.ts';

/** One line for people per profile: what is special about the releases that run it. */
export const profileSummaries: Readonly<Record<ProfileId, string>> = {
  P0: 'Legacy CRI registry config in config.toml on containerd 1.4, whose own docker.io mirror shadows "*" for Docker Hub.',
  P1: 'Legacy CRI registry config in config.toml: rewrites also hit the default endpoint, no way to disable the fallback, no embedded registry.',
  P2: 'First hosts.toml generator (January/February 2024): a "*" mirror never falls back, the registry listed last drops the whole file, duplicate endpoints break it.',
  P3: 'March 2024 generator (wildcard fallback, de-duplication) without the [host] stub: containerd 1.7 rejects every file without a [host."…"] table.',
  P4: 'The [host] stub (k3s#9853) on containerd 1.7: generator and reader as today, templates not yet trimmed.',
  P5a: 'containerd 2.0.2-k3s2: an empty `server = ""` counts as absent, so a "*" mirror never falls back (k3s-io/k3s#11857).',
  P5: 'containerd 2.x with the K3s fork fixed: the fallback from "*" works again.',
  P6: 'As P5, and a "*" mirror makes the embedded registry (Spegel) mirror every registry (k3s-io/k3s#13526).',
  U17: 'Upstream containerd 1.7 up to v1.7.31: go-toml v1, the root host always last, no rewrites; a file without a [host."…"] table is rejected.',
  U17f: 'Upstream containerd v1.7.32 and later 1.7: as U17, and a file without a [host."…"] table is read.',
  U20: 'Upstream containerd 2.0 up to v2.0.6: go-toml v2, the root host always last, `rewrite` ignored.',
  U21: 'Upstream containerd v2.0.7 and 2.1: as U20, and `dial_timeout` is read (a bad duration rejects the file).',
  U22: 'Upstream containerd 2.2 and later: as U21, and `referrers` is a capability.',
};
