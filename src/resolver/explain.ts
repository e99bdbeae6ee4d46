import type { ChainEndpoint, ResolverReference } from './containerd/chain.ts';
import type { ContainerdResolution } from './containerd/index.ts';
import { hostPaths } from './containerd/hostDir.ts';
import type { Release } from './profiles/index.ts';
import type { ImageResolution, Resolution, SourceRef } from './resolution.ts';
import { formatReference, splitDockerDomain, type ImageReference } from './reference/normalize.ts';
import { DOCKER_HUB, DOCKER_HUB_LEGACY, WILDCARD_DIR } from './registryNames.ts';

/** The "why" trace for one image under one release, computed on demand (only the UI's open row needs it). */
export function explainImage(resolution: Resolution, image: ImageResolution, releaseId: string): TraceStep[] {
  const version = image.versions[releaseId];
  const release = resolution.releases.find((candidate) => candidate.id === releaseId)?.release;
  if (image.parsed === null || image.reference === null || version === undefined || release === undefined) return [];
  const yours = resolution.releases.find((candidate) => candidate.id === releaseId)?.yourDirs.some((dir) => dir.dir === version.hostsDir && dir.fate === 'used') ?? false;
  return explainChain({ image: image.image, reference: image.parsed, ref: image.reference, resolved: { ...version, chainCut: version.cut }, release, yourDir: yours ? version.hostsDir : null });
}

/** One decision on the way from an image name to its endpoint chain, in words. */
export interface TraceStep {
  kind: 'reference' | 'directory' | 'decode' | 'endpoint' | 'rewrite' | 'filter' | 'default';
  text: string;
  /** Where in your hosts.toml files the step comes from (a UI links there). */
  sources?: SourceRef[];
}

interface ExplainInput {
  image: string;
  reference: ImageReference;
  ref: ResolverReference;
  resolved: ContainerdResolution<unknown>;
  release: Release;
  /** The directory used, when it is one of your own files; else null. */
  yourDir?: string | null;
}

/** The "why" trace for one image under one release. */
export function explainChain(input: ExplainInput): TraceStep[] {
  return [
    explainReference(input.image, input.reference),
    ...(input.release.profile.reader.kind === 'legacy-cri' ? explainLegacy(input) : [explainDirectory(input.ref.host, input.resolved.hostsDir, input.yourDir ?? null)]),
    ...explainDecode(input.resolved),
    ...explainPullError(input.resolved),
    ...explainFilter(input),
    ...input.resolved.chain.flatMap((endpoint, index) => explainEndpoint(endpoint, index)),
    ...explainDefault(input),
  ];
}

function explainReference(image: string, reference: ImageReference): TraceStep {
  const notes: string[] = [];
  const { domain } = splitDockerDomain(image);
  const firstComponent = image.includes('/') ? image.slice(0, image.indexOf('/')) : '';
  if (firstComponent === DOCKER_HUB_LEGACY) notes.push(`${DOCKER_HUB_LEGACY} is folded into ${DOCKER_HUB}`);
  else if (domain === DOCKER_HUB && firstComponent !== DOCKER_HUB) notes.push(`no registry host in the name, so Docker Hub (${DOCKER_HUB})`);
  if (reference.domain === DOCKER_HUB && reference.path.startsWith('library/') && !image.includes('library/')) notes.push('official image: library/ added');
  if (reference.digest !== null && /:[\w][\w.-]*@/.test(image)) notes.push('both tag and digest given: the tag is dropped, the digest is pulled');
  if (reference.digest === null && !/:[\w][\w.-]*$/.test(image.slice(image.lastIndexOf('/') + 1))) notes.push('no tag: latest');
  const why = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return { kind: 'reference', text: `"${image}" is pulled as ${formatReference(reference)}${why}; registry host ${reference.domain}, repository ${reference.path}.` };
}

function explainDirectory(host: string, hostsDir: string | null, yourDir: string | null): TraceStep {
  const tried = hostPaths(host).map((dir) => `certs.d/${dir}`).join(', then ');
  if (hostsDir === null) return { kind: 'directory', text: `containerd looks for ${tried}: none exists, so it uses its built-in default endpoint only.` };
  const why = hostsDir === WILDCARD_DIR ? ` (no directory for ${host} itself, so the wildcard one)` : '';
  if (yourDir === null) return { kind: 'directory', text: `containerd looks for ${tried}: it uses certs.d/${hostsDir}${why}.` };
  return { kind: 'directory', text: `containerd looks for ${tried}: it uses certs.d/${hostsDir}${why}, the file you wrote.`, sources: [{ role: 'host', file: yourDir, span: { start: 0, end: 0 } }] };
}

/** Before January 2024 there is no certs.d: containerd reads the mirrors from config.toml. */
function explainLegacy(input: ExplainInput): TraceStep[] {
  const host = input.ref.host;
  return [
    {
      kind: 'directory',
      text: `${input.release.id} writes registries.yaml into containerd's config.toml (registry.mirrors): containerd uses mirrors."${host}" if it exists, else mirrors."*", and appends ${host} itself unless an endpoint already names it.`,
    },
  ];
}

function explainPullError(resolved: ContainerdResolution<unknown>): TraceStep[] {
  return resolved.pullError === null ? [] : [{ kind: 'decode', text: `No request is made: ${resolved.pullError}.` }];
}

function explainDecode(resolved: ContainerdResolution<unknown>): TraceStep[] {
  if (resolved.decodeError === null) return [];
  return [
    {
      kind: 'decode',
      text: `certs.d/${resolved.hostsDir}/hosts.toml cannot be decoded (${resolved.decodeError}); containerd logs "failed to decode" and ignores the whole file: no mirrors, only the default endpoint.`,
    },
  ];
}

function explainFilter(input: ExplainInput): TraceStep[] {
  const dropped = input.resolved.hosts.length - input.resolved.chain.length;
  if (dropped <= 0) return [];
  const needs = input.ref.isDigest ? 'pull' : 'pull and resolve';
  return [{ kind: 'filter', text: `${dropped} ${dropped === 1 ? 'host lacks' : 'hosts lack'} the ${needs} capabilities this ${input.ref.isDigest ? 'digest' : 'tag'} reference needs and are skipped.` }];
}

function explainEndpoint(endpoint: ChainEndpoint<unknown>, index: number): TraceStep[] {
  const label = { mirror: 'mirror', embedded: 'embedded registry (Spegel)', default: 'default endpoint' }[endpoint.kind];
  const origin = endpoint.host.isRoot ? (endpoint.host.key === '' ? 'the registry itself' : `server = "${endpoint.host.key}"`) : `[host."${endpoint.host.key}"]`;
  // Steps read from your hosts.toml link to the table that produced them.
  const inYourFiles = Array.isArray(endpoint.sources) ? (endpoint.sources as SourceRef[]).filter((source) => source.file !== undefined) : [];
  const steps: TraceStep[] = [{ kind: 'endpoint', text: `Step ${index + 1}, ${label}: ${endpoint.url} (from ${origin}).`, ...(inYourFiles.length > 0 ? { sources: inYourFiles } : {}) }];
  if (endpoint.httpFallback) {
    steps.push({ kind: 'endpoint', text: `   http with TLS settings: containerd tries HTTPS first and retries over plain HTTP if the server does not speak TLS.` });
  }
  const rewrite = endpoint.rewrite;
  if (rewrite !== null) {
    for (const invalid of rewrite.invalid) steps.push({ kind: 'rewrite', text: `   rewrite "${invalid.pattern}" is not valid RE2 and is skipped (${invalid.error}).` });
    if (rewrite.pattern === null) steps.push({ kind: 'rewrite', text: `   no rewrite changes "${endpoint.repository}"; it is requested as is.` });
    else {
      steps.push({ kind: 'rewrite', text: `   rewrite "${rewrite.pattern}" turns the repository into ${rewrite.repository}.` });
      if (rewrite.ambiguous) {
        const all = rewrite.candidates.map((candidate) => `"${candidate.pattern}" -> ${candidate.repository}`).join(', ');
        steps.push({ kind: 'rewrite', text: `   several rewrites match (${all}); containerd picks one at random on each pull (Go map order).` });
      }
    }
  }
  return steps;
}

function explainDefault(input: ExplainInput): TraceStep[] {
  const { resolved, release } = input;
  const who = `${release.id} (containerd ${release.containerd})`;
  // No decoded file: the built-in default was described with the directory lookup.
  if (resolved.server === null) return [];
  if (!resolved.server.present) {
    const hostEntries = resolved.hosts.filter((host) => !host.isRoot).length;
    if (!resolved.rootAppended) return [{ kind: 'default', text: `hosts.toml has no server line, so ${who} never falls back to ${input.ref.host} itself (the K3s fork appends the registry only when server is present; K3s writes no server for --disable-default-registry-endpoint).` }];
    return [
      hostEntries === 0
        ? { kind: 'default', text: `hosts.toml has no [host] entries, so ${who} uses its top level as the only host.` }
        : { kind: 'default', text: `hosts.toml has no server line, and ${who} appends the registry anyway: ${input.ref.host} itself is tried last.` },
    ];
  }
  if (resolved.server.value === '') {
    return [
      resolved.rootAppended
        ? { kind: 'default', text: `server = "" is present, and ${who} counts a present key: the registry's own endpoint is filled in and tried last.` }
        : { kind: 'default', text: `server = "" is empty, and ${who} treats an empty server as absent: no fallback to ${input.ref.host} itself (k3s-io/k3s#11857).` },
    ];
  }
  return [{ kind: 'default', text: `server = "${resolved.server.value}": ${who} tries it last.` }];
}
