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
}

/** Says where a step came from, given its host and the rewrite pattern used (called once per pair). */
export type SourceLookup<S> = (host: RegistryHost, rewritePattern: string | null) => S;

const noSources: SourceLookup<null> = () => null;

/**
 * The resolve chain: hosts able to serve this kind of reference (spec §3.8), in order,
 * each with its rewritten repository and request URL.
 */
export function buildChain<S = null>(
  hosts: readonly RegistryHost[],
  ref: ResolverReference,
  embeddedAddr: string | null,
  engine: RegexEngine,
  sourcesOf: SourceLookup<S> = noSources as SourceLookup<S>,
): ChainEndpoint<S>[] {
  const chain: ChainEndpoint<S>[] = [];
  for (const host of hosts) if (canResolve(host, ref)) chain.push(chainEndpoint(host, ref, embeddedAddr, engine, sourcesOf));
  return chain;
}

/** Tags need pull + resolve; digests only pull. */
function canResolve(host: RegistryHost, ref: ResolverReference): boolean {
  return ref.isDigest ? host.capabilities.pull : host.capabilities.pull && host.capabilities.resolve;
}

function chainEndpoint<S>(host: RegistryHost, ref: ResolverReference, embeddedAddr: string | null, engine: RegexEngine, sourcesOf: SourceLookup<S>): ChainEndpoint<S> {
  const rewrite = host.rewrites.length > 0 ? applyRewrites(host.rewrites, ref.repository, engine) : null;
  const repository = rewrite?.repository ?? ref.repository;
  return {
    url: manifestURL(host, repository, ref.object, ref.host),
    kind: host.isRoot ? 'default' : host.host === embeddedAddr ? 'embedded' : 'mirror',
    repository,
    rewrite,
    httpFallback: host.httpFallback,
    host,
    sources: sourcesOf(host, rewrite?.pattern ?? null),
  };
}
