import { createContainerdReader, type ChainEndpoint, type RegistryHost, type ResolverReference } from './containerd/index.ts';
import type { Diagnostic, SpannedDiagnostic } from './diagnostics.ts';
import { generateHostsToml, type EmbeddedRegistry } from './k3s/index.ts';
import { NO_MIRROR_ADDR, type HostConfig } from './k3s/hostConfigs.ts';
import { profiles as allProfiles, type VersionProfile } from './profiles/index.ts';
import { findQuirks } from './quirks/index.ts';
import { formatReference, parseDockerRef, type ImageReference } from './reference/normalize.ts';
import { LineIndex } from './registries/lineIndex.ts';
import type { Registry } from './registries/model.ts';
import { parseRegistriesYaml } from './registries/parse.ts';
import type { Span } from './registries/span.ts';
import { explainChain, type TraceStep } from './explain.ts';
import { missingRegexEngine, type RegexEngine } from './rewrite/goRegexp.ts';

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
  const k3s = parsed.loadable ? generateHostsToml(parsed.registry, flags) : { hostsToml: {}, hostConfigs: new Map<string, HostConfig>(), events: [] };
  const readers = profiles.map((profile) => ({ profile, reader: createContainerdReader(k3s.hostsToml, profile.rootHost, embedded?.mirrorAddr ?? null, regexEngine) }));
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
        version = { chain: parsed.loadable ? resolved.chain : [], hosts: resolved.hosts, rootAppended, server: resolved.server };
        byRootDecision.set(rootAppended, version);
      }
      versions[profile.id] = version;
    }
    return { image, parsed: reference.value, normalized: formatReference(reference.value), error: null, reference: ref, hostsDir, hostsTomlError, versions };
  });

  const quirks = parsed.loadable ? quirkDiagnostics(parsed.registry, flags, k3s, readers[0]?.reader ?? null, images, regexEngine) : [];
  const lines = new LineIndex(input.registriesYaml);
  const diagnostics = [...parsed.diagnostics, ...quirks]
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code))
    .map((found) => toDiagnostic(found, lines));
  return { loadable: parsed.loadable, diagnostics, hostsToml: k3s.hostsToml, hostConfigs: k3s.hostConfigs, profiles, images };
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
  });
}

/** The mirror key, endpoint, rewrite and config in registries.yaml that produced a chain step. */
function sourcesOf(host: RegistryHost, pattern: string | null, hostsDir: string | null, hostConfigs: ReadonlyMap<string, HostConfig>, registry: Registry): SourceRef[] {
  const sources: SourceRef[] = [];
  const hostConfig = hostsDir === null ? undefined : hostConfigs.get(hostsDir);
  if (hostConfig !== undefined) {
    const generated = host.isRoot ? hostConfig.default : hostConfig.endpoints.find((candidate) => candidate.url === host.key);
    const mirrorKey = generated?.origin?.mirrorKey ?? (hostsDir === '_default' ? '*' : hostsDir);
    const mirror = mirrorKey === null ? undefined : registry.mirrors.get(mirrorKey);
    if (mirror !== undefined && mirror.keySpan.end > 0) sources.push({ role: 'mirror', span: mirror.keySpan });
    if (generated?.origin && generated.origin.span.end > 0) sources.push({ role: 'endpoint', span: generated.origin.span });
    const rule = pattern === null ? undefined : mirror?.rewrites.find((candidate) => candidate.pattern === pattern);
    if (rule !== undefined) sources.push({ role: 'rewrite', span: rule.span });
    const configKey = generated?.config.key ?? null;
    const config = configKey === null ? undefined : registry.configs.get(configKey);
    if (config !== undefined && config.keySpan.end > 0) sources.push({ role: 'config', span: config.keySpan });
  }
  return sources;
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
    resolved: { hostsDir: image.hostsDir, hosts: version.hosts, chain: version.chain, decodeError: image.hostsTomlError, rootAppended: version.rootAppended, server: version.server },
    profile,
  });
}

function toDiagnostic(found: SpannedDiagnostic, lines: LineIndex): Diagnostic {
  return { severity: found.severity, code: found.code, message: found.message, ...lines.range(found.span) };
}
