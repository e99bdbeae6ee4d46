import { createContainerdReader, type RegistryHost, type ResolverReference } from './containerd/index.ts';
import type { Diagnostic, SpannedDiagnostic } from './diagnostics.ts';
import { cutDiagnostics } from './cutDiagnostics.ts';
import { explainChain, type TraceStep } from './explain.ts';
import { generateHostsToml } from './k3s/index.ts';
import type { HostConfig } from './k3s/hostConfigs.ts';
import { newWorkBudget } from './limits.ts';
import { profiles as allProfiles } from './profiles/index.ts';
import { quirkDiagnostics } from './quirkInputs.ts';
import { formatReference, parseDockerRef, type ImageReference } from './reference/normalize.ts';
import { LineIndex } from './registries/lineIndex.ts';
import { parseRegistriesYaml } from './registries/parse.ts';
import type { ImageResolution, Resolution, ResolutionWork, ResolveInput, SourceRef, VersionChain } from './resolution.ts';
import { missingRegexEngine } from './rewrite/goRegexp.ts';
import { sourcesOf } from './sources.ts';

export type { ImageResolution, Resolution, ResolutionWork, ResolveInput, ResolvedEndpoint, SourceRef, VersionChain } from './resolution.ts';

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
    : { hostsToml: {}, hostConfigs: new Map<string, HostConfig>(), events: [], written: [], cutDirs: [] };
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

/** containerd `reference.Parse` on the normalised name: host, repository and the object to fetch. */
function resolverReference(ref: ImageReference): ResolverReference {
  return { host: ref.domain, repository: ref.path, object: ref.digest ?? ref.tag ?? 'latest', isDigest: ref.digest !== null };
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
