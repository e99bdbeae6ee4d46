import { cutText, limits, type WorkBudget } from '../limits.ts';
import { applyRewrites, type RewriteOutcome } from '../rewrite/apply.ts';
import type { RegexEngine } from '../rewrite/goRegexp.ts';
import type { RegistryHost } from './configureHosts.ts';
import { manifestURL } from './request.ts';

/** An image reference as containerd's resolver splits it (pkg/reference, spec §3.2). */
export interface ResolverReference {
  /** Registry host, with port: "docker.io", "localhost:5000". */
  host: string;
  repository: string;
  /** Tag, or the digest ("sha256:…") for digest references. */
  object: string;
  isDigest: boolean;
}

export type EndpointKind = 'mirror' | 'embedded' | 'default';

/** One step of the ordered endpoint chain; `sources` is whatever the caller links it to. */
export interface ChainEndpoint<S = null> {
  /** The manifest request URL exactly as containerd sends it. */
  url: string;
  kind: EndpointKind;
  /** Repository requested from this endpoint (after rewrites). */
  repository: string;
  rewrite: RewriteOutcome | null;
  httpFallback: boolean;
  host: RegistryHost;
  sources: S;
  /** The URL or rewritten repository is longer than the playground shows (see limits.ts): this is its start. */
  cut: boolean;
}

/** What building a chain needs besides the hosts and the reference. */
export interface ChainContext {
  /** The embedded registry's address, so its steps can be labelled; null when off. */
  embeddedAddr: string | null;
  engine: RegexEngine;
  budget: WorkBudget;
}

/** A chain, and whether the resolution's output budget ran out before it was complete. */
export interface BuiltChain<S> {
  endpoints: ChainEndpoint<S>[];
  cut: boolean;
}

/** Says where a step came from, given its host and the rewrite pattern used (called once per pair). */
export type SourceLookup<S> = (host: RegistryHost, rewritePattern: string | null) => S;

const noSources: SourceLookup<null> = () => null;

/**
 * The resolve chain: hosts able to serve this kind of reference (spec §3.8), in order,
 * each with its rewritten repository and request URL. Stops, marked cut, when the
 * resolution's budget for chain output is spent (a hostile file, never a real one).
 */
export function buildChain<S = null>(
  hosts: readonly RegistryHost[],
  ref: ResolverReference,
  context: ChainContext,
  sourcesOf: SourceLookup<S> = noSources as SourceLookup<S>,
): BuiltChain<S> {
  const endpoints: ChainEndpoint<S>[] = [];
  for (const host of hosts) {
    if (!canResolve(host, ref)) continue;
    const endpoint = chainEndpoint(host, ref, context, sourcesOf);
    if (!context.budget.chainBytes.take(endpoint.url.length)) return { endpoints, cut: true };
    endpoints.push(endpoint);
  }
  return { endpoints, cut: false };
}

/** Tags need pull + resolve; digests only pull. */
function canResolve(host: RegistryHost, ref: ResolverReference): boolean {
  return ref.isDigest ? host.capabilities.pull : host.capabilities.pull && host.capabilities.resolve;
}

function chainEndpoint<S>(host: RegistryHost, ref: ResolverReference, context: ChainContext, sourcesOf: SourceLookup<S>): ChainEndpoint<S> {
  const rewrite = host.rewrites.length > 0 ? rewritesFor(host, ref.repository, context) : null;
  const repository = rewrite?.repository ?? ref.repository;
  const url = cutText(manifestURL(host, repository, ref.object, ref.host), limits.urlLength);
  return {
    url: url.text,
    kind: host.isRoot ? 'default' : host.host === context.embeddedAddr ? 'embedded' : 'mirror',
    repository,
    rewrite,
    httpFallback: host.httpFallback,
    host,
    sources: sourcesOf(host, rewrite?.pattern ?? null),
    cut: url.cut || (rewrite?.cut ?? false),
  };
}

const rewriteMemo = new WeakMap<RegistryHost['rewrites'], Map<string, RewriteOutcome>>();

/** A host's rewrites applied to a repository, once per pair: images of one repository share the answer. */
function rewritesFor(host: RegistryHost, repository: string, context: ChainContext): RewriteOutcome {
  let byRepository = rewriteMemo.get(host.rewrites);
  if (byRepository === undefined) rewriteMemo.set(host.rewrites, (byRepository = new Map()));
  let outcome = byRepository.get(repository);
  if (outcome === undefined) {
    outcome = applyRewrites(host.rewrites, repository, context.engine, context.budget.rewriteEvaluations);
    byRepository.set(repository, outcome);
  }
  return outcome;
}
