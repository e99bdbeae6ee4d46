import { lostSettings } from './lostSettings.ts';
import { resolve } from './pipeline.ts';
import type { EmbeddedRegistry } from './k3s/index.ts';
import { products, type Product } from './products.ts';
import { newestRelease, releaseOf, releaseRanges, type ProfileId, type Release } from './profiles/index.ts';
import type { ImageResolution, ReleaseResolution, Resolution } from './resolution.ts';
import type { RegexEngine } from './rewrite/goRegexp.ts';
import type { OlderReleases } from './older/support.ts';
import { WILDCARD_DIR, WILDCARD_KEY } from './registryNames.ts';

/**
 * "Where does this file break?": every profile range of every release line from 1.26 on, judged
 * against the newest release. Releases of one profile behave alike by construction, so the whole
 * timeline costs one resolution with one release per profile.
 */

export type ProblemKind = 'cannot-start' | 'pull-fails' | 'file-rejected' | 'lost-tls' | 'missing-fallback' | 'extra-fallback' | 'other-endpoints' | 'spegel-wildcard';

export interface TimelineProblem {
  kind: ProblemKind;
  /** Sample images it affects (empty for node-wide problems). */
  images: string[];
  text: string;
}

export type CellStatus = 'same' | 'differs' | 'broken';

export interface TimelineCell {
  line: string;
  from: number;
  to: number;
  /** First and last release of the range, e.g. v1.29.1+k3s1 – v1.29.2+k3s1. */
  first: string;
  last: string;
  profile: ProfileId;
  containerd: string;
  status: CellStatus;
  problems: TimelineProblem[];
  /** The first later release of the line that resolves like the newest one; null when none or not needed. */
  fixedIn: string | null;
}

export interface Timeline {
  /** False when K3s cannot load the file at all: then no release pulls anything. */
  loadable: boolean;
  /** The reference every cell is compared with. */
  newest: string;
  lines: { line: string; cells: TimelineCell[] }[];
}

export interface TimelineInput {
  registriesYaml: string;
  images: readonly string[];
  product: Product;
  disableDefaultRegistryEndpoint: boolean;
  embeddedRegistry: boolean | EmbeddedRegistry | null;
  regexEngine?: RegexEngine;
  /** Every timeline includes releases before April 2024. */
  olderReleases: OlderReleases;
  /** Your own certs.d files (each release keeps, replaces or deletes them as it does). */
  hostsDirs?: Readonly<Record<string, string>>;
}

/** The lines the timeline shows: the hosts.toml era and the last config.toml releases before it. */
const FIRST_LINE = 26;

export function buildTimeline(input: TimelineInput): Timeline {
  const ranges = releaseRanges(input.product).filter((range) => Number(range.line.split('.')[1]) >= FIRST_LINE);
  const newest = releaseOf(newestRelease(input.product));
  const representatives = new Map<ProfileId, Release>();
  for (const range of ranges) if (!representatives.has(range.profile)) representatives.set(range.profile, releaseOf(range.first));
  representatives.delete(newest.profile.id);
  const resolution = resolve({
    registriesYaml: input.registriesYaml,
    images: input.images,
    releases: [newest, ...representatives.values()],
    disableDefaultRegistryEndpoint: input.disableDefaultRegistryEndpoint,
    embeddedRegistry: input.embeddedRegistry,
    ...(input.regexEngine !== undefined ? { regexEngine: input.regexEngine } : {}),
    olderReleases: input.olderReleases,
    ...(input.hostsDirs !== undefined ? { hostsDirs: input.hostsDirs } : {}),
  });
  const reference = resolution.releases[0] as ReleaseResolution;
  // A "*" mirror with the embedded registry: today's releases put the embedded endpoint into _default.
  const embeddedAddr = input.embeddedRegistry === true ? products[input.product].embeddedRegistry.mirrorAddr : input.embeddedRegistry ? input.embeddedRegistry.mirrorAddr : null;
  const wildcardWithEmbedded = embeddedAddr !== null && (reference.hostConfigs.get(WILDCARD_DIR)?.endpoints.some((endpoint) => endpoint.address?.host === embeddedAddr) ?? false);
  const verdicts = new Map<ProfileId, { status: CellStatus; problems: TimelineProblem[] }>();
  for (const result of resolution.releases) {
    verdicts.set(result.release.profile.id, result === reference ? { status: 'same', problems: [] } : judge(resolution, result, reference, wildcardWithEmbedded));
  }
  const lines = new Map<string, TimelineCell[]>();
  for (const range of ranges) {
    const verdict = verdicts.get(range.profile) ?? { status: 'same' as const, problems: [] };
    const first = releaseOf(range.first);
    const cell: TimelineCell = { ...range, containerd: first.containerd, ...verdict, fixedIn: null };
    lines.set(range.line, [...(lines.get(range.line) ?? []), cell]);
  }
  for (const cells of lines.values()) {
    cells.forEach((cell, index) => {
      if (cell.status === 'same') return;
      cell.fixedIn = cells.slice(index + 1).find((later) => later.status === 'same')?.first ?? null;
    });
  }
  return { loadable: resolution.loadable, newest: newest.id, lines: [...lines].map(([line, cells]) => ({ line, cells })) };
}

/** One profile's release against the newest: what breaks, which images differ and how. */
function judge(resolution: Resolution, result: ReleaseResolution, reference: ReleaseResolution, wildcardWithEmbedded: boolean): { status: CellStatus; problems: TimelineProblem[] } {
  const problems: TimelineProblem[] = [];
  if (result.containerdError !== null) problems.push({ kind: 'cannot-start', images: [], text: `containerd cannot load config.toml and does not start (${result.containerdError})` });
  for (const problem of result.startupErrors) problems.push({ kind: 'cannot-start', images: [], text: problem });
  const newlyRejected = result.rejectedFiles.filter((file) => !reference.rejectedFiles.some((other) => other.dir === file.dir));
  for (const file of newlyRejected) {
    const images = imagesThrough(resolution.images, result.id, file.dir);
    problems.push({ kind: 'file-rejected', images, text: `certs.d/${file.dir}/hosts.toml is rejected (${file.error})` });
    const lost = lostSettings(result.hostConfigs.get(file.dir)).tls;
    if (lost.length > 0) problems.push({ kind: 'lost-tls', images, text: `${lost.join(', ')} for ${file.dir} ${lost.length === 1 ? 'is' : 'are'} lost` });
  }
  const byKind = new Map<ProblemKind, string[]>();
  for (const image of resolution.images) {
    if (image.error !== null) continue;
    const kind = compareChains(image, result.id, reference.id);
    if (kind !== null) byKind.set(kind, [...(byKind.get(kind) ?? []), image.image]);
  }
  const words: Record<string, string> = {
    'pull-fails': 'nothing can be pulled',
    'missing-fallback': 'no fallback to the registry itself',
    'extra-fallback': 'an extra fallback to the registry itself',
    'other-endpoints': 'other endpoints or order',
  };
  for (const [kind, images] of byKind) problems.push({ kind, images, text: `${images.length} image${images.length === 1 ? '' : 's'}: ${words[kind] ?? kind}` });
  if (wildcardWithEmbedded && !result.release.profile.embeddedServesWildcard && reference.release.profile.embeddedServesWildcard) {
    problems.push({ kind: 'spegel-wildcard', images: [], text: `the embedded registry serves only the listed registries, not every one ("${WILDCARD_KEY}" is ignored, k3s-io/k3s#13526)` });
  }
  const broken = problems.some((problem) => problem.kind === 'cannot-start' || problem.kind === 'pull-fails' || problem.kind === 'file-rejected' || problem.kind === 'lost-tls');
  return { status: broken ? 'broken' : problems.length > 0 ? 'differs' : 'same', problems };
}

function imagesThrough(images: readonly ImageResolution[], releaseId: string, dir: string): string[] {
  return images.filter((image) => image.versions[releaseId]?.hostsDir === dir).map((image) => image.image);
}

/**
 * How a chain differs from the newest release's, as one word; null when the same requests are
 * made in the same order (how a step is labelled does not matter to the pull).
 */
function compareChains(image: ImageResolution, releaseId: string, referenceId: string): ProblemKind | null {
  const mine = image.versions[releaseId]?.chain ?? [];
  const newest = image.versions[referenceId]?.chain ?? [];
  const same = (a: (typeof mine)[number] | undefined, b: (typeof mine)[number] | undefined) => a !== undefined && b !== undefined && a.url === b.url && a.repository === b.repository;
  const prefix = (short: typeof mine, long: typeof mine) => short.every((step, index) => same(step, long[index]));
  if (mine.length === newest.length && prefix(mine, newest)) return null;
  if (mine.length === 0 && newest.length > 0) return 'pull-fails';
  if (mine.length === newest.length - 1 && newest.at(-1)?.kind === 'default' && prefix(mine, newest)) return 'missing-fallback';
  if (newest.length === mine.length - 1 && mine.at(-1)?.kind === 'default' && prefix(newest, mine)) return 'extra-fallback';
  return 'other-endpoints';
}
