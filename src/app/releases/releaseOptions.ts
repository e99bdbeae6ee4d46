import { releaseRanges, type Distribution, type ProfileId } from '../../resolver/core.ts';

/** One choosable release: the picker's list, grouped by minor line. */
export interface ReleaseOption {
  name: string;
  profile: ProfileId;
}

export interface ReleaseGroup {
  label: string;
  options: ReleaseOption[];
}

const cache = new Map<Distribution, ReleaseGroup[]>();

/**
 * Every patch of every line the table knows, newest line first (what people look for). Plain
 * containerd lists its own lines, then K3s's: the fork's readers side by side with upstream.
 */
export function releaseOptions(product: Distribution): ReleaseGroup[] {
  let groups = cache.get(product);
  if (groups === undefined) {
    groups = product === 'containerd' ? [...groupsOf('containerd'), ...groupsOf('k3s').map((group) => ({ ...group, label: `K3s ${group.label}` }))] : groupsOf(product);
    cache.set(product, groups);
  }
  return groups;
}

function groupsOf(product: Distribution): ReleaseGroup[] {
  const byLine = new Map<string, ReleaseOption[]>();
  for (const range of releaseRanges(product)) {
    const options = byLine.get(range.line) ?? [];
    // The name of each patch is the range's first name with the patch changed.
    const name = (patch: number) => range.first.replace(`${range.line}.${range.from}`, `${range.line}.${patch}`);
    for (let patch = range.from; patch <= range.to; patch++) options.push({ name: name(patch), profile: range.profile });
    byLine.set(range.line, options);
  }
  return [...byLine].reverse().map(([line, options]) => ({ label: product === 'containerd' ? `containerd ${line}` : `v${line}`, options: options.reverse() }));
}
