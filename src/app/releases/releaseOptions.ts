import { releaseRanges, type Product, type ProfileId } from '../../resolver/core.ts';

/** One choosable release: the picker's list, grouped by minor line. */
export interface ReleaseOption {
  name: string;
  profile: ProfileId;
}

const cache = new Map<Product, { line: string; options: ReleaseOption[] }[]>();

/** Every patch of every line the table knows, newest line first (what people look for). */
export function releaseOptions(product: Product): { line: string; options: ReleaseOption[] }[] {
  let groups = cache.get(product);
  if (groups === undefined) {
    const byLine = new Map<string, ReleaseOption[]>();
    for (const range of releaseRanges(product)) {
      const suffix = range.first.slice(range.first.indexOf('+'));
      const options = byLine.get(range.line) ?? [];
      for (let patch = range.from; patch <= range.to; patch++) options.push({ name: `v${range.line}.${patch}${suffix}`, profile: range.profile });
      byLine.set(range.line, options);
    }
    groups = [...byLine].reverse().map(([line, options]) => ({ line, options: options.reverse() }));
    cache.set(product, groups);
  }
  return groups;
}
