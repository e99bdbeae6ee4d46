import { createContainerdReader, type ChainEndpoint, type RegistryHost, type ResolverReference } from './containerd/index.ts';
import type { Diagnostic, SpannedDiagnostic } from './diagnostics.ts';
import { generateHostsToml, type EmbeddedRegistry } from './k3s/index.ts';
import { NO_MIRROR_ADDR, type HostConfig } from './k3s/hostConfigs.ts';
import { profiles as allProfiles, type VersionProfile } from './profiles/index.ts';
import { findQuirks } from './quirks/index.ts';
import { formatReference, parseDockerRef, type ImageReference } from './reference/normalize.ts';
import { LineIndex } from './registries/lineIndex.ts';
import type { Mirror, Registry } from './registries/model.ts';
import { parseRegistriesYaml } from './registries/parse.ts';
import type { Span } from './registries/span.ts';
import { explainChain, type TraceStep } from './explain.ts';
import { missingRegexEngine, type RegexEngine } from './rewrite/goRegexp.ts';
import { limits, newWorkBudget, type WorkBudget } from './limits.ts';
import { diagnostic } from './diagnostics.ts';

export interface ResolveInput {
  registriesYaml: string;
  images: readonly string[];
  /** Releases to compare, in display order; both by default. */
  profiles?: readonly VersionProfile[];
  /** `--disable-default-registry-endpoint` */
  disableDefaultRegistryEndpoint?: boolean;
  /** `--embedded-registry` with the node's address and TLS files; null or absent when off. */
  embeddedRegistry?: EmbeddedRegistry | null;
  /**
   * The RE2 engine for rewrites. Without it, a file with rewrites throws RegexEngineMissing
   * (load re2js, then resolve again); index.ts supplies it by default.
   */
  regexEngine?: RegexEngine;
}

export interface Resolution {
  /** False when K3s refuses registries.yaml: the agent does not start and nothing is pulled. */
  loadable: boolean;
  diagnostics: Diagnostic[];
  /** certs.d directory -> hosts.toml, identical for every compared release (spec §2.2). */
  hostsToml: Record<string, string>;
  hostConfigs: ReadonlyMap<string, HostConfig>;
  profiles: readonly VersionProfile[];
  images: ImageResolution[];
  /** What the resolution cost, counted (never timed): tests and benchmarks bound it. */
  work: ResolutionWork;
}

export interface ResolutionWork {
  /** yaml.v2 decode steps, and how many of them were inside aliases. */
  decodeSteps: number;
  aliasSteps: number;
  hostsTomlBytes: number;
  chainBytes: number;
  rewriteEvaluations: number;
}

export interface ImageResolution {
  image: string;
  /** The parsed reference (domain, path, tag, digest); null when invalid. */
  parsed: ImageReference | null;
  /** The reference containerd pulls, e.g. docker.io/library/nginx:latest; null when invalid. */
  normalized: string | null;
  /** The reference error, worded as containerd reports it; null when valid. */
  error: string | null;
  reference: ResolverReference | null;
  /** certs.d directory containerd uses for this image, or null for the built-in default. */
  hostsDir: string | null;
  /** Why that directory's hosts.toml is ignored, or null. */
  hostsTomlError: string | null;
  /** Per release id. */
  versions: Record<string, VersionChain>;
}

/** One release's view of an image. Shared between releases that agree; treat as read-only. */
export interface VersionChain {
  chain: ResolvedEndpoint[];
  /** Every host containerd considered, before capability filtering (shared by images of one registry). */
  hosts: RegistryHost[];
  /** Whether hosts.toml's root `server` was used as the final fallback. */
  rootAppended: boolean;
  /** The hosts.toml's top-level `server` key, as containerd read it; null without a decoded file. */
  server: { present: boolean; value: string } | null;
  /** The resolution's output budget ran out before this chain was complete (see limits.ts). */
  cut: boolean;
}

/** A chain step, linked to the registries.yaml text that produced it. */
export type ResolvedEndpoint = ChainEndpoint<SourceRef[]>;

export interface SourceRef {
  role: 'mirror' | 'endpoint' | 'rewrite' | 'config';
  span: Span;
}

/**
 * The whole pipeline, in the order the real system runs it:
 * registries.yaml -(K3s)-> certs.d/*\/hosts.toml -(containerd, per release)-> endpoint chains.
 * Pure and total: bad input yields diagnostics and image errors, never an exception.
 */
export function resolve(input: ResolveInput): Resolution {
  const profiles = input.profiles ?? allProfiles;
  const regexEngine = input.regexEngine ?? missingRegexEngine;
  const parsed = parseRegistriesYaml(input.registriesYaml);
  const embedded = input.embeddedRegistry ?? null;
  const flags = { disableDefaultRegistryEndpoint: input.disableDefaultRegistryEndpoint ?? false, embeddedRegistry: embedded };
  const budget = newWorkBudget();
  const k3s = parsed.loadable
    ? generateHostsToml(parsed.registry, flags, budget.hostsToml)
    : { hostsToml: {}, hostConfigs: new Map<string, HostConfig>(), events: [], cutDirs: [] };
  const chainContext = { embeddedAddr: embedded?.mirrorAddr ?? null, engine: regexEngine, budget };
  const readers = profiles.map((profile) => ({ profile, reader: createContainerdReader(k3s.hostsToml, profile.rootHost, chainContext) }));
  const references = input.images.map((image) => parseDockerRef(image));
  // Sources depend on the host and the rewrite chosen, not on the image: computed once per pair.
  const sourceCache = new WeakMap<RegistryHost, Map<string | null, SourceRef[]>>();
  const sourcesFor = (hostsDir: string | null) => (host: RegistryHost, pattern: string | null): SourceRef[] => {
    let byPattern = sourceCache.get(host);
    if (byPattern === undefined) sourceCache.set(host, (byPattern = new Map()));
    let sources = byPattern.get(pattern);
    if (sources === undefined) byPattern.set(pattern, (sources = sourcesOf(host, pattern, hostsDir, k3s.hostConfigs, parsed.registry)));
    return sources;
  };
  const images = input.images.map((image, index): ImageResolution => {
    const reference = references[index];
    if (reference === undefined || !reference.ok) {
      const error = reference?.ok === false ? reference.error : 'invalid reference format';
      return { image, parsed: null, normalized: null, error, reference: null, hostsDir: null, hostsTomlError: null, versions: {} };
    }
    const ref = resolverReference(reference.value);
    const versions: Record<string, VersionChain> = {};
    // K3s writes the same files for every release, so the directory and its decoding are shared.
    const { hostsDir, decodeError: hostsTomlError } = readers[0]?.reader.hostsFor(ref.host) ?? { hostsDir: null, decodeError: null };
    // Releases differ only in whether the root host is appended (spec §3.5): when two agree,
    // their chains are identical, so the chain is built once and shared (read-only).
    const byRootDecision = new Map<boolean, VersionChain>();
    for (const { profile, reader } of readers) {
      const { rootAppended } = reader.hostsFor(ref.host);
      let version = byRootDecision.get(rootAppended);
      if (version === undefined) {
        const resolved = reader.resolve(ref, sourcesFor(hostsDir));
        version = { chain: parsed.loadable ? resolved.chain : [], hosts: resolved.hosts, rootAppended, server: resolved.server, cut: resolved.chainCut };
        byRootDecision.set(rootAppended, version);
      }
      versions[profile.id] = version;
    }
    return { image, parsed: reference.value, normalized: formatReference(reference.value), error: null, reference: ref, hostsDir, hostsTomlError, versions };
  });

  const quirks = parsed.loadable ? quirkDiagnostics(parsed.registry, flags, k3s, readers[0]?.reader ?? null, images, regexEngine, budget) : [];
  const cuts = parsed.loadable ? cutDiagnostics(parsed.registry, k3s, images) : [];
  const lines = new LineIndex(input.registriesYaml);
  const diagnostics = [...parsed.diagnostics, ...quirks, ...cuts]
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code))
    .map((found) => toDiagnostic(found, lines));
  const work: ResolutionWork = {
    decodeSteps: parsed.work.decodeCount,
    aliasSteps: parsed.work.aliasCount,
    hostsTomlBytes: budget.hostsToml.used,
    chainBytes: budget.chainBytes.used,
    rewriteEvaluations: budget.rewriteEvaluations.used,
  };
  return { loadable: parsed.loadable, diagnostics, hostsToml: k3s.hostsToml, hostConfigs: k3s.hostConfigs, profiles, images, work };
}

/** Says where the engine stopped short of what K3s and containerd would produce (limits.ts). */
function cutDiagnostics(registry: Registry, k3s: ReturnType<typeof generateHostsToml>, images: readonly ImageResolution[]): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  const firstCutDir = k3s.cutDirs[0];
  if (firstCutDir !== undefined) {
    const host = k3s.hostConfigs.get(firstCutDir);
    const mirrorKey = host?.endpoints[0]?.origin?.mirrorKey ?? (firstCutDir === '_default' ? '*' : firstCutDir);
    found.push(
      diagnostic(
        'output-cut',
        `K3s would write more than ${megabytes(limits.hostsTomlBytes)} of hosts.toml for this file (each endpoint repeats its mirror's rewrites). The playground stops there: certs.d/${k3s.cutDirs.join(', certs.d/')} ${k3s.cutDirs.length === 1 ? 'is' : 'are'} cut short, and chains read from ${k3s.cutDirs.length === 1 ? 'it' : 'them'} may be incomplete.`,
        registry.mirrors.get(mirrorKey)?.keySpan ?? { start: 0, end: 0 },
      ),
    );
  }
  const firstCutChain = images.find((image) => Object.values(image.versions).some((version) => version.cut));
  if (firstCutChain !== undefined) {
    found.push(
      diagnostic(
        'output-cut',
        `These chains add up to more than ${megabytes(limits.chainBytes)} of URLs. The playground stops there: from ${firstCutChain.image} on, chains are incomplete.`,
        { start: 0, end: 0 },
      ),
    );
  }
  const cutSteps = new Map<string, { span: Span; why: string }>();
  for (const image of images) {
    for (const version of Object.values(image.versions)) {
      for (const endpoint of version.chain) {
        if (!endpoint.cut) continue;
        const rewrite = endpoint.sources.find((source) => source.role === 'rewrite');
        const origin = rewrite ?? endpoint.sources.find((source) => source.role === 'endpoint') ?? endpoint.sources.find((source) => source.role === 'mirror');
        const key = origin === undefined ? '' : `${origin.span.start}`;
        if (cutSteps.has(key)) continue;
        const why =
          endpoint.rewrite?.cut === true && endpoint.rewrite.pattern === null
            ? `applying these rewrites to every image takes more than ${limits.rewriteEvaluations.toLocaleString('en-US')} evaluations; the playground stopped evaluating them, so later steps show the repository unrewritten`
            : `this step's request URL is longer than ${limits.urlLength.toLocaleString('en-US')} characters (registries accept repository names of 255); the playground shows its start, marked as cut`;
        cutSteps.set(key, { span: origin?.span ?? { start: 0, end: 0 }, why });
      }
    }
  }
  for (const { span, why } of cutSteps.values()) found.push(diagnostic('output-cut', `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}.`, span));
  return found;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en-US')} MB`;
}

/** containerd `reference.Parse` on the normalised name: host, repository and the object to fetch. */
function resolverReference(ref: ImageReference): ResolverReference {
  return { host: ref.domain, repository: ref.path, object: ref.digest ?? ref.tag ?? 'latest', isDigest: ref.digest !== null };
}

function quirkDiagnostics(
  registry: Registry,
  flags: { disableDefaultRegistryEndpoint: boolean; embeddedRegistry: EmbeddedRegistry | null },
  k3s: ReturnType<typeof generateHostsToml>,
  reader: ReturnType<typeof createContainerdReader> | null,
  images: readonly ImageResolution[],
  regexEngine: RegexEngine,
  budget: WorkBudget,
): SpannedDiagnostic[] {
  const undecodableDirs = new Map<string, string>();
  for (const dir of Object.keys(k3s.hostsToml)) {
    const error = reader?.load(dir).decodeError ?? null;
    if (error !== null) undecodableDirs.set(dir, error);
  }
  const repositoriesByDir = new Map<string, string[]>();
  for (const image of images) {
    if (image.hostsDir === null || image.reference === null) continue;
    const list = repositoriesByDir.get(image.hostsDir) ?? [];
    list.push(image.reference.repository);
    repositoriesByDir.set(image.hostsDir, list);
  }
  return findQuirks({
    registry,
    disableDefaultRegistryEndpoint: flags.disableDefaultRegistryEndpoint,
    embeddedRegistry: flags.embeddedRegistry !== null,
    mirrorAddr: flags.embeddedRegistry?.mirrorAddr ?? NO_MIRROR_ADDR,
    events: k3s.events,
    undecodableDirs,
    repositoriesByDir,
    regexEngine,
    rewriteBudget: budget.rewriteEvaluations,
  });
}

/** The mirror key, endpoint, rewrite and config in registries.yaml that produced a chain step. */
function sourcesOf(host: RegistryHost, pattern: string | null, hostsDir: string | null, hostConfigs: ReadonlyMap<string, HostConfig>, registry: Registry): SourceRef[] {
  const sources: SourceRef[] = [];
  const hostConfig = hostsDir === null ? undefined : hostConfigs.get(hostsDir);
  if (hostConfig !== undefined) {
    const generated = host.isRoot ? hostConfig.default : endpointsByUrl(hostConfig).get(host.key);
    const mirrorKey = generated?.origin?.mirrorKey ?? (hostsDir === '_default' ? '*' : hostsDir);
    const mirror = mirrorKey === null ? undefined : registry.mirrors.get(mirrorKey);
    if (mirror !== undefined && mirror.keySpan.end > 0) sources.push({ role: 'mirror', span: mirror.keySpan });
    if (generated?.origin && generated.origin.span.end > 0) sources.push({ role: 'endpoint', span: generated.origin.span });
    const rule = pattern === null || mirror === undefined ? undefined : rewritesByPattern(mirror).get(pattern);
    if (rule !== undefined) sources.push({ role: 'rewrite', span: rule.span });
    const configKey = generated?.config.key ?? null;
    const config = configKey === null ? undefined : registry.configs.get(configKey);
    if (config !== undefined && config.keySpan.end > 0) sources.push({ role: 'config', span: config.keySpan });
  }
  return sources;
}

const endpointIndex = new WeakMap<HostConfig, Map<string | null, HostConfig['endpoints'][number]>>();

/** A directory's endpoints by URL, built once: looking each host up in the list is quadratic. */
function endpointsByUrl(hostConfig: HostConfig): Map<string | null, HostConfig['endpoints'][number]> {
  let index = endpointIndex.get(hostConfig);
  if (index === undefined) {
    index = new Map();
    for (const endpoint of hostConfig.endpoints) if (!index.has(endpoint.url)) index.set(endpoint.url, endpoint);
    endpointIndex.set(hostConfig, index);
  }
  return index;
}

const rewriteIndex = new WeakMap<Mirror, Map<string, Mirror['rewrites'][number]>>();

function rewritesByPattern(mirror: Mirror): Map<string, Mirror['rewrites'][number]> {
  let index = rewriteIndex.get(mirror);
  if (index === undefined) rewriteIndex.set(mirror, (index = new Map(mirror.rewrites.map((rule) => [rule.pattern, rule] as const))));
  return index;
}

/** The "why" trace for one image under one release, computed on demand (only the UI's open row needs it). */
export function explainImage(resolution: Resolution, image: ImageResolution, profileId: string): TraceStep[] {
  const version = image.versions[profileId];
  const profile = resolution.profiles.find((candidate) => candidate.id === profileId);
  if (image.parsed === null || image.reference === null || version === undefined || profile === undefined) return [];
  return explainChain({
    image: image.image,
    reference: image.parsed,
    ref: image.reference,
    resolved: { hostsDir: image.hostsDir, hosts: version.hosts, chain: version.chain, chainCut: version.cut, decodeError: image.hostsTomlError, rootAppended: version.rootAppended, server: version.server },
    profile,
  });
}

function toDiagnostic(found: SpannedDiagnostic, lines: LineIndex): Diagnostic {
  return { severity: found.severity, code: found.code, message: found.message, ...lines.range(found.span) };
}
