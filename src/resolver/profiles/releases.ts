import type { Distribution, Product } from '../products.ts';
import { profiles } from './profiles.ts';
import type { Confidence, Profile, ProfileId, UpstreamProfileId } from './profile.ts';

/**
 * K3s and RKE2 releases and the profile each one runs (version-timeline.md §6). RKE2 ships the same
 * Kubernetes patches with the same registry code (it reuses K3s's agent), so one table serves both.
 * This module and profiles.ts are the only places in the engine that know release numbers.
 */

export interface Release {
  /** The release as it was asked for, e.g. `v1.32.2+k3s1`, `1.29.3`, `containerd v2.0.4`: results are keyed by it. */
  id: string;
  product: Distribution;
  /** Canonical name, e.g. `v1.29.3+k3s1`, `v1.30.5+rke2r1`, `containerd v2.0.4`. */
  version: string;
  /** Minor line, e.g. `1.29`. */
  line: string;
  patch: number;
  /** The containerd it embeds, as precisely as known. */
  containerd: string;
  profile: Profile;
  /** Whether K3s wipes all of certs.d at start-up or only the directories it manages (k3s#10823); nothing does on plain containerd. */
  certsCleanup: { scope: 'everything' | 'managed-only' | 'none'; confidence: Confidence };
  /** Rewritten repositories are also used for the registry token scope (k3s#11238, #11401). */
  rewriteTokenScope: boolean;
  embeddedRegistry: 'absent' | 'experimental' | 'ga';
  /** Set when the release is outside the table and was mapped by rule. */
  note: string | null;
}

interface LineTable {
  /** Profile by patch range, inclusive; the last range runs to the end of the line. */
  ranges: readonly (readonly [from: number, to: number, profile: ProfileId])[];
  /** The newest patch the timeline knows of. */
  latest: number;
  /** containerd minor by patch range (B13). */
  containerd: readonly (readonly [from: number, containerd: string])[];
  managedOnlyCleanupFrom?: number;
  /** The clean-up change was released on 1.30 and 1.31; whether 1.28 and 1.29 got it is not known (§8.5). */
  cleanupBackportUnknown?: true;
  rewriteTokenScopeFrom?: number;
  embeddedGaFrom?: number;
}

const END = Number.MAX_SAFE_INTEGER;

/**
 * Every release line the playground models (§1, §2, §6). 1.21 is the last on containerd 1.4 (P0);
 * 1.22–1.25 are wholly P1; registry handling changes inside 1.26–1.32. Latest patches of the
 * config.toml-era lines are their end-of-life releases.
 */
const lines: Readonly<Record<string, LineTable>> = {
  '1.21': { ranges: [[0, END, 'P0']], latest: 14, containerd: [[0, '1.4']] },
  '1.22': { ranges: [[0, END, 'P1']], latest: 17, containerd: [[0, '1.5']] },
  '1.23': { ranges: [[0, END, 'P1']], latest: 17, containerd: [[0, '1.5'], [15, '1.6']] },
  '1.24': { ranges: [[0, END, 'P1']], latest: 17, containerd: [[0, '1.6']] },
  '1.25': { ranges: [[0, END, 'P1']], latest: 16, containerd: [[0, '1.6']] },
  '1.26': { ranges: [[0, 12, 'P1'], [13, 14, 'P2'], [15, END, 'P3']], latest: 15, containerd: [[0, '1.6'], [13, '1.7']] },
  '1.27': { ranges: [[0, 9, 'P1'], [10, 11, 'P2'], [12, 12, 'P3'], [13, END, 'P4']], latest: 16, containerd: [[0, '1.7']] },
  '1.28': { ranges: [[0, 5, 'P1'], [6, 7, 'P2'], [8, 8, 'P3'], [9, END, 'P4']], latest: 15, containerd: [[0, '1.7']], cleanupBackportUnknown: true },
  '1.29': {
    ranges: [[0, 0, 'P1'], [1, 2, 'P2'], [3, 3, 'P3'], [4, END, 'P4']],
    latest: 15,
    containerd: [[0, '1.7.11-k3s2'], [4, '1.7.15-k3s1'], [5, '1.7'], [12, '1.7.23-k3s2']],
    rewriteTokenScopeFrom: 11,
    embeddedGaFrom: 12,
    cleanupBackportUnknown: true,
  },
  '1.30': { ranges: [[0, END, 'P4']], latest: 14, containerd: [[0, '1.7']], managedOnlyCleanupFrom: 5, rewriteTokenScopeFrom: 7, embeddedGaFrom: 8 },
  '1.31': {
    ranges: [[0, 5, 'P4'], [6, 6, 'P5a'], [7, END, 'P5']],
    latest: 14,
    containerd: [[0, '1.7'], [6, '2.0.2-k3s2'], [7, '2.0.4-k3s2'], [8, '2.0'], [13, '2.1']],
    managedOnlyCleanupFrom: 1,
    rewriteTokenScopeFrom: 3,
    embeddedGaFrom: 4,
  },
  '1.32': {
    ranges: [[0, 1, 'P4'], [2, 2, 'P5a'], [3, 11, 'P5'], [12, END, 'P6']],
    latest: 13,
    containerd: [[0, '1.7.23-k3s2'], [2, '2.0.2-k3s2'], [3, '2.0.4-k3s2'], [4, '2.0'], [9, '2.1']],
    managedOnlyCleanupFrom: 0,
    rewriteTokenScopeFrom: 0,
    embeddedGaFrom: 0,
  },
  '1.33': { ranges: [[0, 7, 'P5'], [8, END, 'P6']], latest: 13, containerd: [[0, '2.0'], [5, '2.1'], [10, '2.2']], managedOnlyCleanupFrom: 0, rewriteTokenScopeFrom: 0, embeddedGaFrom: 0 },
  '1.34': { ranges: [[0, 3, 'P5'], [4, END, 'P6']], latest: 10, containerd: [[0, '2.1'], [6, '2.2']], managedOnlyCleanupFrom: 0, rewriteTokenScopeFrom: 0, embeddedGaFrom: 0 },
  '1.35': { ranges: [[0, 0, 'P5'], [1, END, 'P6']], latest: 7, containerd: [[0, '2.1'], [3, '2.2']], managedOnlyCleanupFrom: 0, rewriteTokenScopeFrom: 0, embeddedGaFrom: 0 },
  '1.36': { ranges: [[0, END, 'P6']], latest: 3, containerd: [[0, '2.2'], [2, '2.3']], managedOnlyCleanupFrom: 0, rewriteTokenScopeFrom: 0, embeddedGaFrom: 0 },
};

/** Every line the picker offers, oldest first. */
export const releaseLines: readonly string[] = Object.keys(lines);

const NEWEST_LINE = '1.36';

/** The default comparison: the #11857 regression and its fix. */
export const defaultReleaseNames = ['v1.32.2+k3s1', 'v1.32.3+k3s1'] as const;

export type ReleaseResult = { ok: true; release: Release } | { ok: false; error: string };

/**
 * Upstream containerd lines (containerd/containerd tags, hosts.go read at each): 1.7 rejected a file
 * without a `host` table until v1.7.32; v2.0.7 and 2.1 read `dial_timeout`; 2.2 adds `referrers`.
 */
const containerdLines: Readonly<Record<string, { ranges: readonly (readonly [from: number, to: number, profile: UpstreamProfileId])[]; latest: number }>> = {
  '1.7': { ranges: [[0, 31, 'U17'], [32, END, 'U17f']], latest: 34 },
  '2.0': { ranges: [[0, 6, 'U20'], [7, END, 'U21']], latest: 11 },
  '2.1': { ranges: [[0, END, 'U21']], latest: 9 },
  '2.2': { ranges: [[0, END, 'U22']], latest: 7 },
  '2.3': { ranges: [[0, END, 'U22']], latest: 4 },
};
const NEWEST_CONTAINERD_LINE = '2.3';

/** The default comparison on plain containerd: the 1.7 still widely deployed, and 2.0. */
export const defaultContainerdReleaseNames = ['containerd v1.7.25', 'containerd v2.0.4'] as const;

const CONTAINERD_PATTERN = /^(?:containerd\s+)?v?(\d{1,2})\.(\d{1,2})\.(\d{1,3})(?:-(?:rc|beta)\.?\d{1,2})?$/i;

/** `containerd v2.0.4`, `containerd 1.7.25` (or a bare `2.0.4` when plain containerd is the distribution). */
function findContainerdRelease(name: string): ReleaseResult {
  const match = CONTAINERD_PATTERN.exec(name.trim());
  if (match === null) return { ok: false, error: `"${name}" is not a containerd release (e.g. containerd v2.0.4, containerd v1.7.25)` };
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const line = `${major}.${minor}`;
  if (major < 1 || (major === 1 && minor < 7)) return { ok: false, error: `containerd ${line} is older than the releases the playground models (1.7 and 2.x read certs.d as modelled here)` };
  const known = containerdLines[line];
  const table = known ?? (containerdLines[NEWEST_CONTAINERD_LINE] as NonNullable<typeof known>);
  const placed = known === undefined ? table.latest : Math.min(patch, table.latest);
  const profile = table.ranges.find(([from, to]) => placed >= from && placed <= to)?.[2] ?? 'U22';
  const note =
    known === undefined
      ? `containerd ${line} is newer than the release table; it is treated like containerd ${NEWEST_CONTAINERD_LINE}.${table.latest}.`
      : patch > table.latest
        ? `containerd v${line}.${patch} is newer than the release table (last known: v${line}.${table.latest}); it is treated like v${line}.${table.latest}.`
        : null;
  return {
    ok: true,
    release: {
      id: name,
      product: 'containerd',
      version: `containerd v${line}.${patch}`,
      line,
      patch,
      containerd: `${line}.${patch}`,
      profile: profiles[profile],
      certsCleanup: { scope: 'none', confidence: 'V' },
      rewriteTokenScope: false,
      embeddedRegistry: 'absent',
      note,
    },
  };
}

const RELEASE_PATTERN = /^v?1\.(\d{1,2})\.(\d{1,3})(-rc\d{1,2})?(?:\+(k3s|rke2r)(\d{1,2}))?$/;

/**
 * The release for a name people type: `v1.28.7+k3s1`, `1.29.3`, `v1.30.5+rke2r1`, `v1.26.13+k3s2`.
 * A bare number takes `product` (K3s unless said). A release newer than the table maps to its line's
 * latest profile, and a line newer than the table to the newest profile, each with a note.
 */
export function findRelease(name: string, product: Distribution = 'k3s'): ReleaseResult {
  if (/^containerd\b/i.test(name.trim()) || (product === 'containerd' && !/\+(k3s|rke2r)\d/.test(name))) return findContainerdRelease(name);
  const match = RELEASE_PATTERN.exec(name.trim());
  if (match === null) return { ok: false, error: `"${name}" is not a K3s or RKE2 release (e.g. v1.32.3+k3s1, v1.30.5+rke2r1, 1.29.3)` };
  const minor = Number(match[1]);
  const patch = Number(match[2]);
  const candidate = match[3];
  const suffix = match[4];
  const build = match[5] ?? '1';
  const chosen: Product = suffix === 'rke2r' ? 'rke2' : suffix === 'k3s' ? 'k3s' : product === 'containerd' ? 'k3s' : product;
  // Rewrites arrived in v1.21.0; earlier releases would need a profile of their own.
  if (minor < 21) return { ok: false, error: `v1.${minor} is older than the releases the playground models (v1.21 and later)` };
  const line = `1.${minor}`;
  const version = `v${line}.${patch}+${chosen === 'rke2' ? 'rke2r' : 'k3s'}${build}`;
  const placed = placeRelease(minor, patch);
  const rcNote = candidate === undefined ? null : `${candidate.slice(1)} is treated as the release it leads to (v${line}.${patch}).`;
  const note = [placed.note, rcNote].filter((text): text is string => text !== null).join(' ') || null;
  return {
    ok: true,
    release: {
      id: name,
      product: chosen,
      version,
      line,
      patch,
      containerd: placed.containerd,
      profile: profiles[placed.profile],
      certsCleanup: placed.cleanup,
      rewriteTokenScope: placed.rewriteTokenScope,
      embeddedRegistry: placed.profile === 'P0' || placed.profile === 'P1' ? 'absent' : placed.embeddedGa ? 'ga' : 'experimental',
      note,
    },
  };
}

/** Like findRelease, for names known to be valid (the table's own, the defaults). */
export function releaseOf(name: string, product: Distribution = 'k3s'): Release {
  const found = findRelease(name, product);
  if (!found.ok) throw new Error(found.error);
  return found.release;
}

interface Placement {
  profile: ProfileId;
  containerd: string;
  cleanup: Release['certsCleanup'];
  rewriteTokenScope: boolean;
  embeddedGa: boolean;
  note: string | null;
}

function placeRelease(minor: number, patch: number): Placement {
  const line = `1.${minor}`;
  const table = lines[line];
  if (table === undefined) {
    const newest = lines[NEWEST_LINE] as LineTable;
    return {
      ...placeIn(newest, newest.latest),
      note: `v${line} is newer than the release table; it is treated like v${NEWEST_LINE}'s latest releases (nothing suggests a registry change).`,
    };
  }
  const placed = placeIn(table, Math.min(patch, table.latest));
  const note = patch > table.latest ? `v${line}.${patch} is newer than the release table (last known: v${line}.${table.latest}); it is treated like v${line}.${table.latest}.` : null;
  return { ...placed, note };
}

function placeIn(table: LineTable, patch: number): Omit<Placement, 'note'> {
  const profile = table.ranges.find(([from, to]) => patch >= from && patch <= to)?.[2] ?? 'P6';
  const containerd = [...table.containerd].reverse().find(([from]) => patch >= from)?.[1] ?? '';
  const managedOnly = table.managedOnlyCleanupFrom !== undefined && patch >= table.managedOnlyCleanupFrom;
  return {
    profile,
    containerd,
    cleanup: managedOnly ? { scope: 'managed-only', confidence: 'V' } : { scope: 'everything', confidence: table.cleanupBackportUnknown === true ? 'U' : 'V' },
    rewriteTokenScope: table.rewriteTokenScopeFrom !== undefined && patch >= table.rewriteTokenScopeFrom,
    embeddedGa: table.embeddedGaFrom !== undefined && patch >= table.embeddedGaFrom,
  };
}

/** Each line's releases, grouped for a picker: the profile ranges, with their first and last patch. */
export function releaseRanges(product: Distribution = 'k3s'): { line: string; profile: ProfileId; first: string; last: string; from: number; to: number }[] {
  if (product === 'containerd') {
    return Object.entries(containerdLines).flatMap(([line, table]) =>
      table.ranges.map(([from, to, profile]) => {
        const last = Math.min(to, table.latest);
        return { line, profile, first: `containerd v${line}.${from}`, last: `containerd v${line}.${last}`, from, to: last };
      }),
    );
  }
  const suffix = product === 'rke2' ? '+rke2r1' : '+k3s1';
  return Object.entries(lines).flatMap(([line, table]) =>
    table.ranges.map(([from, to, profile]) => {
      const last = Math.min(to, table.latest);
      return { line, profile, first: `v${line}.${from}${suffix}`, last: `v${line}.${last}${suffix}`, from, to: last };
    }),
  );
}

/** The first release of a line that runs a different profile after `patch`: "fixed in v1.29.4+k3s1". */
export function nextProfileChange(release: Release): string | null {
  const table = lines[release.line];
  if (table === undefined) return null;
  const next = table.ranges.find(([from]) => from > release.patch);
  if (next === undefined || next[0] > table.latest) return null;
  return `v${release.line}.${next[0]}${release.product === 'rke2' ? '+rke2r1' : '+k3s1'}`;
}

/**
 * The first later release of the same line whose profile passes `fixed`: where a quirk stops.
 * Null when the line never gets one (1.26 ended on the March 2024 generator, for instance).
 */
export function firstReleaseWith(release: Release, fixed: (profile: Profile) => boolean): string | null {
  const table = lines[release.line];
  if (table === undefined) return null;
  const next = table.ranges.find(([from, , profile]) => from > release.patch && from <= table.latest && fixed(profiles[profile]));
  return next === undefined ? null : `v${release.line}.${next[0]}${release.product === 'rke2' ? '+rke2r1' : '+k3s1'}`;
}

/** The default comparison, as releases. */
export function defaultReleases(product: Distribution = 'k3s'): Release[] {
  if (product === 'containerd') return defaultContainerdReleaseNames.map((name) => releaseOf(name));
  return defaultReleaseNames.map((name) => releaseOf(product === 'rke2' ? name.replace('+k3s1', '+rke2r1') : name));
}

/** The newest release the table knows, per product. */
export function newestRelease(product: Distribution = 'k3s'): string {
  if (product === 'containerd') return `containerd v${NEWEST_CONTAINERD_LINE}.${containerdLines[NEWEST_CONTAINERD_LINE]?.latest ?? 0}`;
  const table = lines[NEWEST_LINE] as LineTable;
  return `v${NEWEST_LINE}.${table.latest}${product === 'rke2' ? '+rke2r1' : '+k3s1'}`;
}
