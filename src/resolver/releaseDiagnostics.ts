import type { ContainerdReader } from './containerd/index.ts';
import { diagnostic, type SpannedDiagnostic } from './diagnostics.ts';
import { normalizeEndpointAddress } from './k3s/endpoint.ts';
import { directoryFor, NO_MIRROR_ADDR } from './k3s/hostConfigs.ts';
import { lostSettingsList } from './lostSettings.ts';
import type { K3sOutput } from './k3s/index.ts';
import { firstReleaseWith, type Profile, type Release } from './profiles/index.ts';
import type { Registry } from './registries/model.ts';
import type { Span } from './registries/span.ts';
import { keyOfDirectory, storedKey, WILDCARD_DIR, WILDCARD_KEY } from './registryNames.ts';

/** One compared release: what its K3s wrote and how its containerd read it. */
export interface ReleaseOutcome {
  release: Release;
  k3s: K3sOutput;
  reader: ContainerdReader;
}

interface Context {
  registry: Registry;
  releases: readonly ReleaseOutcome[];
  disableDefaultRegistryEndpoint: boolean;
}

/**
 * Quirks that only some releases have, each reported once with the compared releases that have
 * it and the first patch of their line without it. Everything here is read off the releases'
 * actual outputs (files, rejections, start-up), so it can never name a release that is fine.
 */
export function releaseDiagnostics(context: Context): SpannedDiagnostic[] {
  return [
    ...containerdCannotStart(context),
    ...rejectedFiles(context),
    ...wildcardWithoutFallback(context),
    ...droppedDirectories(context),
    ...wildcardConfigReplacesMirror(context),
    ...rewritesOnDefaultEndpoint(context),
  ];
}

/** "v1.29.3+k3s1 (fixed in v1.29.4+k3s1)", for every affected release. */
function named(affected: readonly Release[], fixed: (profile: Profile) => boolean): string {
  return affected
    .map((release) => {
      const next = firstReleaseWith(release, fixed);
      return next === null ? release.id : `${release.id} (fixed in ${next})`;
    })
    .join(', ');
}

const ids = (affected: readonly Release[]) => affected.map((release) => release.id);

/** P1: a `\` or `"` in a rewrite or key makes config.toml invalid, and containerd does not start. */
function containerdCannotStart({ registry, releases }: Context): SpannedDiagnostic[] {
  const affected = releases.filter((outcome) => outcome.reader.startError !== null);
  const first = affected[0];
  if (first === undefined) return [];
  const culprit = [...registry.mirrors.values()].flatMap((mirror) => mirror.rewrites).find((rule) => /[\\"]/.test(rule.pattern + rule.replacement));
  const span = culprit?.span ?? { start: 0, end: 0 };
  const message =
    `On ${named(affected.map((outcome) => outcome.release), () => false)} K3s copies this file into containerd's config.toml unescaped, ` +
    `and containerd cannot load it (${first.reader.startError}): containerd does not start and no image can be pulled on the node. ` +
    'Avoid \\ and " in rewrites (e.g. [0-9] instead of \\d, [a-zA-Z0-9_] instead of \\w).';
  return [diagnostic('containerd-cannot-start', message, span, ids(affected.map((outcome) => outcome.release)))];
}

/** Generated files a release's containerd refuses: what the registry loses there. */
function rejectedFiles({ registry, releases }: Context): SpannedDiagnostic[] {
  const byDir = new Map<string, { outcome: ReleaseOutcome; error: string }[]>();
  for (const outcome of releases) {
    for (const rejected of outcome.reader.rejectedFiles) {
      const list = byDir.get(rejected.dir) ?? [];
      list.push({ outcome, error: rejected.error });
      byDir.set(rejected.dir, list);
    }
  }
  const found: SpannedDiagnostic[] = [];
  for (const [dir, rejections] of byDir) {
    const span = keySpan(registry, keyOfDirectory(dir));
    const first = rejections[0];
    if (span === null || first === undefined) continue;
    const lost = lostSettingsList(first.outcome.k3s.hostConfigs.get(dir));
    const affected = rejections.map((rejection) => rejection.outcome.release);
    const fix = fixFor(first.error);
    const errors = [...new Set(rejections.map((rejection) => rejection.error))].join('; ');
    const registryName = keyOfDirectory(dir) === WILDCARD_KEY ? 'every registry without its own directory' : keyOfDirectory(dir);
    found.push(
      diagnostic(
        'hosts-file-rejected',
        `On ${named(affected, fix)} containerd refuses certs.d/${dir}/hosts.toml (${errors}) and falls back to certificate files only: ${lost.length > 0 ? `${lost.join(', ')} ${lost.length === 1 ? 'is' : 'are'} lost, and ` : ''}${registryName} is pulled from the registry itself with system trust.`,
        span,
        ids(affected),
      ),
    );
  }
  return found;
}

/** Which later profile stops a rejection, by its cause. */
function fixFor(error: string): (profile: Profile) => boolean {
  if (error.includes('invalid `host` tree')) return (profile) => profile.generator.hostStub || profile.reader.emptyHostTree === 'accepted';
  if (error.includes('duplicated tables')) return (profile) => profile.generator.dedupeEndpoints || profile.reader.toml === 'go-toml-v2';
  if (error.includes('invalid escape sequence')) return () => false;
  return (profile) => profile.reader.toml === 'go-toml-v2';
}

/** `mirrors."*"` whose `_default` file ends without the registry itself (k3s#11857, and P2 by design). */
function wildcardWithoutFallback({ registry, releases, disableDefaultRegistryEndpoint }: Context): SpannedDiagnostic[] {
  const wildcard = registry.mirrors.get(WILDCARD_KEY);
  if (wildcard === undefined || disableDefaultRegistryEndpoint) return [];
  const affected = releases.filter((outcome) => {
    if (outcome.k3s.hostsToml[WILDCARD_DIR] === undefined) return false;
    const loaded = outcome.reader.load(WILDCARD_DIR);
    return loaded.decodeError === null && !loaded.rootAppended;
  });
  if (affected.length === 0) return [];
  const fixed = (profile: Profile) => profile.generator.wildcardServer === 'empty' && profile.reader.rootHost !== 'when-server-non-empty';
  const causes = [
    ...new Set(
      affected.map((outcome) =>
        outcome.release.profile.reader.rootHost === 'when-server-non-empty'
          ? `containerd ${outcome.release.containerd} reads \`server = ""\` in _default/hosts.toml as "no default endpoint" (k3s-io/k3s#11857)`
          : 'K3s writes _default/hosts.toml without a server line (fixed by k3s-io/k3s#9729)',
      ),
    ),
  ];
  return [
    diagnostic(
      'wildcard-no-fallback',
      `On ${named(affected.map((outcome) => outcome.release), fixed)} ${causes.join('; ')}: every registry without its own mirrors entry is pulled only from these mirrors, never from the registry itself, and pulls fail with "not found" when the mirrors lack the image. Add an explicit mirrors entry for each registry that must fall back.`,
      wildcard.keySpan,
      ids(affected.map((outcome) => outcome.release)),
    ),
  ];
}

/** P2: a mirror whose last endpoint is the registry itself, with no settings: K3s deletes the directory. */
function droppedDirectories({ registry, releases }: Context): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  for (const mirror of registry.mirrors.values()) {
    const last = mirror.endpoints[mirror.endpoints.length - 1];
    if (last === undefined || mirror.key === WILDCARD_KEY) continue;
    const own = normalizeEndpointAddress(mirror.key, NO_MIRROR_ADDR);
    const listed = normalizeEndpointAddress(last.value, NO_MIRROR_ADDR);
    if (!own.ok || !listed.ok || own.value.urlString !== listed.value.urlString) continue;
    const dir = directoryFor(storedKey(mirror.key));
    const affected = releases.filter((outcome) => outcome.release.profile.generator.lastEndpointIsDefault === 'drops-directory' && outcome.k3s.hostsToml[dir] === undefined);
    if (affected.length === 0) continue;
    const releasesAffected = affected.map((outcome) => outcome.release);
    found.push(
      diagnostic(
        'directory-dropped',
        `On ${named(releasesAffected, (profile) => profile.generator.lastEndpointIsDefault !== 'drops-directory')} the last endpoint of mirrors."${mirror.key}" is the registry itself with no settings, so K3s deletes certs.d/${dir} altogether: the mirrors before it are never used (k3s-io/k3s#9626). Remove the registry's own endpoint; containerd falls back to it anyway.`,
        mirror.keySpan,
        ids(releasesAffected),
      ),
    );
  }
  return found;
}

/** P2: `configs."*"` replaces the wildcard mirror with a host for `https://*\/v2`. */
function wildcardConfigReplacesMirror({ registry, releases }: Context): SpannedDiagnostic[] {
  const config = registry.configs.get(WILDCARD_KEY);
  if (config === undefined) return [];
  const affected = releases.filter((outcome) => outcome.release.profile.generator.wildcardConfig === 'replaces-wildcard-mirror').map((outcome) => outcome.release);
  if (affected.length === 0) return [];
  const lostMirror = registry.mirrors.has(WILDCARD_KEY) ? ' The `"*"` mirror\'s endpoints are lost with it.' : '';
  return [
    diagnostic(
      'wildcard-config-replaces-mirror',
      `On ${named(affected, (profile) => profile.generator.wildcardConfig !== 'replaces-wildcard-mirror')} K3s writes configs."*" as a host named https://*/v2 in _default/hosts.toml, with no fallback: every registry without its own directory is pulled only from https://*/v2, and every such pull fails.${lostMirror}`,
      config.keySpan,
      ids(affected),
    ),
  ];
}

/** P0/P1: the K3s containerd fork applied rewrites to the registry's own endpoint too. */
function rewritesOnDefaultEndpoint({ registry, releases }: Context): SpannedDiagnostic[] {
  const affected = releases.filter((outcome) => outcome.release.profile.generator.rewritesOnDefault).map((outcome) => outcome.release);
  if (affected.length === 0) return [];
  return [...registry.mirrors.values()].flatMap((mirror) => {
    const first = mirror.rewrites[0];
    if (first === undefined) return [];
    return [
      diagnostic(
        'rewrite-on-default-endpoint',
        `On ${named(affected, (profile) => !profile.generator.rewritesOnDefault)} these rewrites also apply when the registry itself is tried last, not only to the mirrors (k3s-io/k3s#7007): a rewritten repository must exist upstream too.`,
        first.span,
        ids(affected),
      ),
    ];
  });
}

function keySpan(registry: Registry, key: string): Span | null {
  const span = registry.mirrors.get(key)?.keySpan ?? registry.configs.get(key)?.keySpan;
  return span === undefined || span.end === 0 ? null : span;
}
