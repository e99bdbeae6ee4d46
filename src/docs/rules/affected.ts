import { releaseOf, releaseRanges, resolve, type DiagnosticCode, type Release } from '../../resolver/index.ts';
import { exampleInput, type RuleExample } from './examples.ts';

/** Every release the engine models, per product, oldest first. */
function everyRelease(product: 'k3s' | 'containerd'): Release[] {
  return releaseRanges(product).flatMap((range) =>
    Array.from({ length: range.to - range.from + 1 }, (_, index) => releaseOf(product === 'k3s' ? `v${range.line}.${range.from + index}+k3s1` : `containerd v${range.line}.${range.from + index}`)),
  );
}

/** A run of consecutive patches of one line: `v1.29.0+k3s1 – v1.29.2+k3s1`. */
export interface ReleaseRun {
  line: string;
  first: string;
  last: string;
}

export interface AffectedReleases {
  /** Runs of K3s releases (RKE2 ships the same patches with the same registry code). */
  k3s: ReleaseRun[];
  /** Runs of upstream containerd releases, for certs.d files. */
  containerd: ReleaseRun[];
  /** Whether every modelled release of that kind is affected. */
  allK3s: boolean;
  allContainerd: boolean;
}

/**
 * The releases on which a rule's example produces its code, found by resolving the example against
 * every release the engine models: the pages state what the engine does, not what someone wrote.
 */
export function affectedReleases(code: DiagnosticCode, example: RuleExample): AffectedReleases {
  const k3s = everyRelease('k3s');
  const containerd = example.hostsDirs !== undefined && example.yaml === '' ? everyRelease('containerd') : [];
  const releases = [...k3s, ...containerd];
  const resolution = resolve(exampleInput(example, releases));
  const hits = resolution.diagnostics.filter((found) => found.code === code && found.file === example.file);
  // A finding inside your hosts.toml matters only where containerd reads that file.
  const readers = new Set(
    resolution.releases.filter((side) => example.file === undefined || code.startsWith('hosts-dir-') || side.yourDirs.some((dir) => dir.dir === example.file && dir.fate === 'used')).map((side) => side.id),
  );
  const affected = new Set<string>();
  for (const hit of hits) for (const id of hit.releases ?? releases.map((release) => release.id)) if (readers.has(id)) affected.add(id);
  const k3sHit = k3s.filter((release) => affected.has(release.id));
  const containerdHit = containerd.filter((release) => affected.has(release.id));
  return {
    k3s: runsOf(k3s, k3sHit),
    containerd: runsOf(containerd, containerdHit),
    allK3s: k3sHit.length === k3s.length,
    allContainerd: containerd.length > 0 && containerdHit.length === containerd.length,
  };
}

/** Consecutive affected releases of one line, merged into runs. */
function runsOf(all: readonly Release[], hit: readonly Release[]): ReleaseRun[] {
  const affected = new Set(hit.map((release) => release.id));
  const runs: ReleaseRun[] = [];
  let open: ReleaseRun | null = null;
  for (const release of all) {
    if (affected.has(release.id) && open !== null && open.line === release.line) {
      open.last = release.version;
      continue;
    }
    open = affected.has(release.id) ? { line: release.line, first: release.version, last: release.version } : null;
    if (open !== null) runs.push(open);
  }
  return runs;
}

/** One line of text per kind: "every K3s and RKE2 release", or the runs. */
export function describeAffected(affected: AffectedReleases): string[] {
  const run = (item: ReleaseRun) => (item.first === item.last ? item.first : `${item.first} – ${item.last}`);
  const lines: string[] = [];
  if (affected.allK3s) lines.push('Every K3s and RKE2 release (v1.21 to today).');
  else if (affected.k3s.length > 0) lines.push(`K3s (and the RKE2 releases of the same patches): ${affected.k3s.map(run).join(', ')}.`);
  if (affected.allContainerd) lines.push('Every upstream containerd release (1.7 and 2.x).');
  else if (affected.containerd.length > 0) lines.push(`Upstream containerd: ${affected.containerd.map(run).join(', ')}.`);
  if (lines.length === 0) lines.push('None of the modelled releases with this example alone: it depends on the options or files around it.');
  return lines;
}
