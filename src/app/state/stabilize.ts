import type { ImageResolution, Resolution, ResolvedEndpoint, VersionChain } from '../../resolver/core.ts';

/**
 * Reuses the previous result object of every image whose result did not change, so memoised
 * rows skip re-rendering: typing in one mirror should not redraw a thousand unrelated rows.
 * "Did not change" includes the source spans, which move when text is typed above them.
 */
export function stabilize(previous: Resolution | null, next: Resolution): Resolution {
  if (previous === null || previous.images.length === 0) return next;
  const byImage = new Map<string, ImageResolution[]>();
  for (const image of previous.images) {
    const list = byImage.get(image.image);
    if (list === undefined) byImage.set(image.image, [image]);
    else list.push(image);
  }
  let reused = 0;
  const images = next.images.map((image) => {
    const match = byImage.get(image.image)?.find((candidate) => sameImage(candidate, image));
    if (match === undefined) return image;
    reused++;
    return match;
  });
  return reused === 0 ? next : { ...next, images };
}

/** Field-by-field equality of what a row shows; no allocation, it runs for every image on every edit. */
function sameImage(a: ImageResolution, b: ImageResolution): boolean {
  if (a.normalized !== b.normalized || a.error !== b.error) return false;
  const versions = Object.keys(b.versions);
  if (versions.length !== Object.keys(a.versions).length) return false;
  return versions.every((version) => {
    const left = a.versions[version];
    const right = b.versions[version];
    return left !== undefined && right !== undefined && sameChain(left, right);
  });
}

function sameChain(a: VersionChain, b: VersionChain): boolean {
  if (a.rootAppended !== b.rootAppended || a.chain.length !== b.chain.length) return false;
  if (a.hostsDir !== b.hostsDir || a.decodeError !== b.decodeError || a.pullError !== b.pullError) return false;
  return a.chain.every((endpoint, index) => {
    const other = b.chain[index];
    return other !== undefined && sameEndpoint(endpoint, other);
  });
}

function sameEndpoint(a: ResolvedEndpoint, b: ResolvedEndpoint): boolean {
  if (a.url !== b.url || a.kind !== b.kind || a.repository !== b.repository || a.httpFallback !== b.httpFallback) return false;
  if ((a.rewrite?.pattern ?? null) !== (b.rewrite?.pattern ?? null) || (a.rewrite?.ambiguous ?? false) !== (b.rewrite?.ambiguous ?? false)) return false;
  if (a.sources === b.sources) return true;
  if (a.sources.length !== b.sources.length) return false;
  return a.sources.every((source, index) => {
    const other = b.sources[index];
    return other !== undefined && source.role === other.role && source.span.start === other.span.start && source.span.end === other.span.end;
  });
}
