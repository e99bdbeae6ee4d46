import type { ImageResolution, ReleaseResolution } from './pipeline.ts';

/**
 * How one image's chains differ between two releases, in words; null when they are the same.
 * The common case (the #11857 regression) is a missing fallback to the registry itself.
 */
export function describeDifference(image: ImageResolution, before: string, after: string): string | null {
  const a = image.versions[before]?.chain ?? [];
  const b = image.versions[after]?.chain ?? [];
  const urls = (chain: typeof a) => chain.map((endpoint) => `${endpoint.kind} ${endpoint.url}`);
  if (JSON.stringify(urls(a)) === JSON.stringify(urls(b))) return null;
  const [shorter, longer, shortName, longName] = a.length < b.length ? [a, b, before, after] : [b, a, after, before];
  const isPrefix = urls(shorter).every((entry, index) => entry === urls(longer)[index]);
  const extra = longer.slice(shorter.length);
  if (isPrefix && extra.length === 1 && extra[0]?.kind === 'default') {
    const host = extra[0].host.host;
    return `${shortName} never falls back to ${host}; ${longName} tries it last.`;
  }
  const count = (chain: typeof a) => `${chain.length} endpoint${chain.length === 1 ? '' : 's'}`;
  return `${before} tries ${count(a)}, ${after} tries ${count(b)}; the order or URLs differ.`;
}

/** Compared releases that write the same files for containerd, together, in display order. */
export function releasesWritingTheSame(releases: readonly ReleaseResolution[]): ReleaseResolution[][] {
  const groups = new Map<string, ReleaseResolution[]>();
  for (const release of releases) {
    const key = JSON.stringify([release.hostsToml, release.configToml, release.release.product]);
    groups.set(key, [...(groups.get(key) ?? []), release]);
  }
  return [...groups.values()];
}
