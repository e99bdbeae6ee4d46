import { createContainerdReader, type ContainerdReader, type RegistryHost, type ResolverReference } from './containerd/index.ts';
import type { DecodedFiles } from './containerd/configureHosts.ts';
import { missingOlderReleases, type OlderReleases } from './older/support.ts';
import type { Diagnostic, DiagnosticCode, SpannedDiagnostic } from './diagnostics.ts';
import { cutDiagnostics } from './cutDiagnostics.ts';
import { generateK3sOutput, type EmbeddedRegistry, type K3sOutput } from './k3s/index.ts';
import { certsAtStartup, type YourDir } from './k3s/certsAtStartup.ts';
import { newWorkBudget, type WorkBudget } from './limits.ts';
import { layoutOf, products } from './products.ts';
import { defaultReleases, type Release } from './profiles/index.ts';
import { quirkDiagnostics } from './quirkInputs.ts';
import { formatReference, parseDockerRef, type ImageReference } from './reference/normalize.ts';
import { LineIndex } from './registries/lineIndex.ts';
import type { Registry } from './registries/model.ts';
import { parseRegistriesYaml } from './registries/parse.ts';
import { releaseDiagnostics } from './releaseDiagnostics.ts';
import { yourFilesDiagnostics } from './yourFiles/diagnostics.ts';
import { requestCredentials } from './credentials.ts';
import { renderAuthSection } from './k3s/authSection.ts';
import type { ImageResolution, ReleaseResolution, Resolution, ResolutionWork, ResolveInput, SourceRef, VersionChain } from './resolution.ts';
import { missingRegexEngine, type RegexEngine } from './rewrite/goRegexp.ts';
import { legacySourcesOf, sourcesOf, yourFileSources } from './sources.ts';

export type { ImageResolution, ReleaseResolution, Resolution, ResolutionWork, ResolveInput, ResolvedEndpoint, SourceRef, VersionChain } from './resolution.ts';

/**
 * The whole pipeline, in the order the real system runs it, for each compared release:
 * registries.yaml -(K3s)-> certs.d/*\/hosts.toml or config.toml -(containerd)-> endpoint chains.
 * Releases that behave alike share their work: K3s output per generator, chains per reader.
 * Pure and total: bad input yields diagnostics and image errors, never an exception.
 */
export function resolve(input: ResolveInput): Resolution {
  const releases = input.releases ?? defaultReleases();
  const regexEngine = input.regexEngine ?? missingRegexEngine;
  const parsed = parseRegistriesYaml(input.registriesYaml);
  const budget = newWorkBudget();
  const disableDefault = input.disableDefaultRegistryEndpoint ?? false;
  const older = input.olderReleases ?? missingOlderReleases;
  const stages = releaseStages(releases, parsed.loadable ? parsed.registry : null, input, budget, regexEngine, older);
  const references = input.images.map((image) => parseDockerRef(image));
  const images = input.images.map((image, index): ImageResolution => {
    const reference = references[index];
    if (reference === undefined || !reference.ok) {
      const error = reference?.ok === false ? reference.error : 'invalid reference format';
      return { image, parsed: null, normalized: null, error, reference: null, versions: {} };
    }
    const ref = resolverReference(reference.value);
    const versions: Record<string, VersionChain> = {};
    // Releases whose readers agree on this registry build the chain once and share it (read-only).
    const shared = new Map<number, VersionChain>();
    for (const stage of stages) {
      const lookup = stage.reader.hostsFor(ref.host);
      const key = stage.chainGroup * 2 + (lookup.rootAppended ? 1 : 0);
      let version = shared.get(key);
      if (version === undefined) {
        const resolved = stage.reader.resolve(ref, stage.sourcesFor(lookup.hostsDir, ref.host));
        // A registries.yaml K3s cannot load stops the agent; plain containerd never reads it.
        const starts = parsed.loadable || !stage.readsRegistriesYaml;
        version = {
          hostsDir: resolved.hostsDir,
          decodeError: resolved.decodeError,
          pullError: starts ? resolved.pullError : null,
          chain: starts ? resolved.chain : [],
          hosts: resolved.hosts,
          rootAppended: resolved.rootAppended,
          server: resolved.server,
          cut: resolved.chainCut,
          errorRanking: stage.release.profile.reader.errorRanking,
        };
        shared.set(key, version);
      }
      versions[stage.release.id] = version;
    }
    return { image, parsed: reference.value, normalized: formatReference(reference.value), error: null, reference: ref, versions };
  });

  const releaseResults = stages.map((stage) => stage.result);
  // registries.yaml findings are about the K3s/RKE2 releases; plain containerd never reads the file.
  const k3sStages = stages.filter((stage) => stage.readsRegistriesYaml);
  const current = k3sStages.find((stage) => stage.release.profile.generator.model === 'mar-2024');
  const quirks =
    parsed.loadable && current !== undefined
      ? forTodaysGenerator(
          quirkDiagnostics(parsed.registry, { disableDefaultRegistryEndpoint: disableDefault, embeddedRegistry: current.embedded }, current.k3s, current.reader, images, current.release.id, regexEngine, budget),
          k3sStages,
          stages.length,
        )
      : [];
  const perRelease = parsed.loadable ? releaseDiagnostics({ registry: parsed.registry, releases: k3sStages, disableDefaultRegistryEndpoint: disableDefault }) : [];
  const cuts = parsed.loadable ? cutDiagnostics(parsed.registry, k3sStages.map((stage) => stage.k3s), images) : [];
  const yourDirs = input.hostsDirs ?? NO_DIRS;
  const inYourFiles = yourFilesDiagnostics(yourDirs, stages.map((stage) => ({ release: stage.release, yours: stage.yours, load: stage.reader.load })), images);
  const lines = new LineIndex(input.registriesYaml);
  const fileLines = new Map(Object.entries(yourDirs).map(([dir, text]) => [dir, new LineIndex(text)] as const));
  // registries.yaml first, then each of your files in the order given; by position within each.
  const fileOrder = new Map(Object.keys(yourDirs).map((dir, index) => [dir, index + 1] as const));
  const diagnostics = dedupe([...parsed.diagnostics, ...quirks, ...perRelease, ...cuts, ...inYourFiles])
    .sort((a, b) => (fileOrder.get(a.file ?? '') ?? 0) - (fileOrder.get(b.file ?? '') ?? 0) || a.span.start - b.span.start || a.code.localeCompare(b.code))
    .map((found) => toDiagnostic(found, found.file === undefined ? lines : (fileLines.get(found.file) ?? lines)));
  const work: ResolutionWork = {
    decodeSteps: parsed.work.decodeCount,
    aliasSteps: parsed.work.aliasCount,
    hostsTomlBytes: budget.hostsToml.used,
    chainBytes: budget.chainBytes.used,
    rewriteEvaluations: budget.rewriteEvaluations.used,
  };
  return { loadable: parsed.loadable, diagnostics, releases: releaseResults, images, work, credentials: requestCredentials(parsed.loadable ? parsed.registry : null) };
}

/** One compared release, wired up: what K3s wrote, the containerd reader over it, and the chain-sharing key. */
export interface ReleaseStage {
  release: Release;
  embedded: EmbeddedRegistry | null;
  k3s: K3sOutput;
  reader: ContainerdReader;
  /** Releases of one group read the same files the same way, up to the root-host rule. */
  chainGroup: number;
  /** K3s/RKE2 releases; false for plain containerd, which never reads registries.yaml. */
  readsRegistriesYaml: boolean;
  /** What happened to each hosts.toml you wrote, on this release. */
  yours: YourDir[];
  sourcesFor(hostsDir: string | null, registryHost: string): (host: RegistryHost, pattern: string | null) => SourceRef[];
  result: ReleaseResolution;
}

const NO_OUTPUT: K3sOutput = { hostsToml: {}, configToml: null, hostConfigs: new Map(), events: [], written: [], cutDirs: [] };
const NO_DIRS: Readonly<Record<string, string>> = {};

function releaseStages(releases: readonly Release[], registry: Registry | null, input: ResolveInput, budget: WorkBudget, engine: RegexEngine, older: OlderReleases): ReleaseStage[] {
  const disableDefault = input.disableDefaultRegistryEndpoint ?? false;
  const outputs = new Map<string, K3sOutput>();
  const groups = new Map<string, { id: number; decoded: DecodedFiles }>();
  const yourDirs = input.hostsDirs ?? NO_DIRS;
  return releases.map((release) => {
    const layout = layoutOf(release.product);
    const { generator, reader: readerBehaviour } = release.profile;
    const readsRegistriesYaml = generator.output !== 'none';
    const embeddedLayout = release.product === 'containerd' ? null : products[release.product].embeddedRegistry;
    const embedded = !readsRegistriesYaml ? null : input.embeddedRegistry === true ? embeddedLayout : input.embeddedRegistry || null;
    // K3s writes the same thing for every release with the same generator, flags and node layout.
    const outputKey = `${behaviourKey(generator)}|${embedded === null ? '' : behaviourKey(embedded)}|${disableDefault}`;
    let k3s = outputs.get(outputKey);
    if (k3s === undefined) {
      k3s = registry === null || !readsRegistriesYaml ? NO_OUTPUT : generateK3sOutput(registry, { disableDefaultRegistryEndpoint: disableDefault, embeddedRegistry: embedded }, generator, budget.hostsToml, older);
      outputs.set(outputKey, k3s);
    }
    // Your own files, after K3s's start-up clean-up and writes: what containerd finds in certs.d.
    const certs = certsAtStartup(k3s.hostsToml, yourDirs, release);
    const groupKey = `${outputKey}|${certs.yours.map((dir) => dir.fate).join(',')}|${behaviourKey(readerBehaviour, 'rootHost')}|${layout.certsDir}`;
    let group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, (group = { id: groups.size, decoded: new Map() }));
    const chainGroup = group.id;
    const chainContext = { embeddedAddr: embedded?.mirrorAddr ?? null, engine, budget };
    const reader = createContainerdReader({ hostsToml: certs.files, configToml: k3s.configToml }, { behaviour: readerBehaviour, certsDir: layout.certsDir, older, decoded: group.decoded }, chainContext);
    const usedDirs = new Set(certs.yours.filter((dir) => dir.fate === 'used').map((dir) => dir.dir));
    const output = k3s;
    const sourceCache = new WeakMap<RegistryHost, Map<string | null, SourceRef[]>>();
    const legacyMirrors = output.configToml === null ? null : older.loadCriMirrors(output.configToml, readerBehaviour);
    const sourcesFor = (hostsDir: string | null, registryHost: string) => (host: RegistryHost, pattern: string | null): SourceRef[] => {
      let byPattern = sourceCache.get(host);
      if (byPattern === undefined) sourceCache.set(host, (byPattern = new Map()));
      let sources = byPattern.get(pattern);
      if (sources === undefined) {
        if (hostsDir !== null && usedDirs.has(hostsDir)) sources = yourFileSources(host, hostsDir, yourDirs[hostsDir] ?? '');
        else if (registry === null) sources = [];
        else if (legacyMirrors === null) sources = sourcesOf(host, pattern, hostsDir, output.hostConfigs, registry);
        else sources = legacySourcesOf(host, pattern, legacyMirrors.ok ? older.criMirrorKey(legacyMirrors.value, registryHost) : null, registry);
        byPattern.set(pattern, sources);
      }
      return sources;
    };
    const result: ReleaseResolution = {
      id: release.id,
      release,
      hostsToml: k3s.hostsToml,
      configToml: k3s.configToml,
      hostConfigs: k3s.hostConfigs,
      rejectedFiles: reader.rejectedFiles,
      containerdError: registry === null ? null : reader.startError,
      startupErrors: startupErrors(release, disableDefault, embedded !== null),
      yourDirs: certs.yours,
      authSection: registry === null || generator.output !== 'hosts-toml' ? null : renderAuthSection(registry, readerBehaviour.toml === 'go-toml-v1' ? 2 : 3),
    };
    return { release, embedded, k3s, reader, chainGroup, readsRegistriesYaml, yours: certs.yours, sourcesFor, result };
  });
}

const behaviourKeys = new Map<string, WeakMap<object, string>>();

/** A behaviour record as text (without one field), once per record: equal text, equal behaviour. */
function behaviourKey(behaviour: object, ignored = ''): string {
  let byRecord = behaviourKeys.get(ignored);
  if (byRecord === undefined) behaviourKeys.set(ignored, (byRecord = new WeakMap()));
  let key = byRecord.get(behaviour);
  if (key === undefined) {
    key = JSON.stringify(Object.entries(behaviour).filter(([name]) => name !== ignored));
    byRecord.set(behaviour, key);
  }
  return key;
}

/** A node flag the release does not have stops K3s at start-up (version-timeline §9.9). */
function startupErrors(release: Release, disableDefault: boolean, embedded: boolean): string[] {
  // Plain containerd has no such options: they are K3s's, and simply do not apply.
  if (release.product === 'containerd') return [];
  const layout = products[release.product];
  const missing: string[] = [];
  if (disableDefault && !release.profile.flags.disableDefaultRegistryEndpoint) missing.push(layout.flags.disableDefaultRegistryEndpoint);
  if (embedded && !release.profile.flags.embeddedRegistry) missing.push(layout.flags.embeddedRegistry);
  return missing.map((flag) => `${layout.name} ${release.version} has no ${flag} option: it refuses to start ("flag provided but not defined"). Results below ignore the option.`);
}

/** containerd `reference.Parse` on the normalised name: host, repository and the object to fetch. */
function resolverReference(ref: ImageReference): ResolverReference {
  return { host: ref.domain, repository: ref.path, object: ref.digest ?? ref.tag ?? 'latest', isDigest: ref.digest !== null };
}

/** Quirk codes that describe what today's (March 2024 and later) generator does with the file. */
const GENERATOR_QUIRKS: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'duplicate-endpoint',
  'default-endpoint-not-last',
  'default-endpoint-redundant',
  'mirror-no-endpoints',
  'wildcard-config-tls-lost',
  'disable-default-ignored',
  'disable-default-no-endpoints',
]);

/**
 * When older generators are compared too, the quirks of today's generator say which of the
 * compared releases they are about (the older ones get their own, in releaseDiagnostics.ts).
 */
function forTodaysGenerator(found: SpannedDiagnostic[], stages: readonly ReleaseStage[], compared: number): SpannedDiagnostic[] {
  const today = stages.filter((stage) => stage.release.profile.generator.model === 'mar-2024').map((stage) => stage.release.id);
  if (today.length === compared) return found;
  return found.map((item) => (GENERATOR_QUIRKS.has(item.code) ? { ...item, message: `On ${today.join(', ')}: ${item.message}`, releases: today } : item));
}

/** The same finding reported for several releases' identical output is shown once. */
function dedupe(found: SpannedDiagnostic[]): SpannedDiagnostic[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = `${item.file ?? ''}|${item.code}|${item.span.start}|${item.span.end}|${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toDiagnostic(found: SpannedDiagnostic, lines: LineIndex): Diagnostic {
  return {
    severity: found.severity,
    code: found.code,
    message: found.message,
    ...lines.range(found.span),
    ...(found.releases !== undefined ? { releases: found.releases } : {}),
    ...(found.file !== undefined ? { file: found.file } : {}),
  };
}
