import type { RootHostRule } from '../profiles/index.ts';
import { buildChain, type ChainContext, type ChainEndpoint, type ResolverReference, type SourceLookup } from './chain.ts';
import { fillDefaultHost, loadHostDir, noHostsFile, withTransport, type LoadedDir, type RegistryHost } from './configureHosts.ts';
import { findHostDir } from './hostDir.ts';

export interface ContainerdResolution<S = null> {
  /** The certs.d directory used, or null for the built-in default. */
  hostsDir: string | null;
  hosts: RegistryHost[];
  chain: ChainEndpoint<S>[];
  /** The resolution's output budget ran out before the chain was complete. */
  chainCut: boolean;
  /** Why hosts.toml was ignored, or null. */
  decodeError: string | null;
  rootAppended: boolean;
  /** The hosts.toml's top-level `server` key; null when no file was decoded. */
  server: LoadedDir['server'];
}

/**
 * The containerd stage for one K3s release: reads the certs.d files the way its
 * containerd build does and resolves image references to endpoint chains. Each directory
 * is decoded once per reader, however many images go through it.
 */
export function createContainerdReader(hostsToml: Readonly<Record<string, string>>, rootHost: RootHostRule, context: ChainContext) {
  const dirs = new Set(Object.keys(hostsToml));
  const loaded = new Map<string, LoadedDir>();
  // Hosts depend only on the registry host, so images of one registry share them.
  const byRegistry = new Map<string, Omit<ContainerdResolution, 'chain' | 'chainCut'>>();
  const load = (dir: string): LoadedDir => {
    let result = loaded.get(dir);
    if (result === undefined) {
      result = loadHostDir(dir, hostsToml[dir] ?? '', rootHost);
      loaded.set(dir, result);
    }
    return result;
  };
  return {
    /** Decodes one directory's hosts.toml (null error when containerd accepts it). */
    load,
    /** The hosts containerd would try for a registry, in order, before capability filtering. */
    hostsFor(registryHost: string): Omit<ContainerdResolution, 'chain' | 'chainCut'> {
      let result = byRegistry.get(registryHost);
      if (result === undefined) {
        const hostsDir = findHostDir(registryHost, dirs);
        const dir = hostsDir === null ? noHostsFile(null) : load(hostsDir);
        const hosts = fillDefaultHost(dir.hosts, registryHost).map(withTransport);
        result = { hostsDir, hosts, decodeError: dir.decodeError, rootAppended: dir.rootAppended, server: dir.server };
        byRegistry.set(registryHost, result);
      }
      return result;
    },
    resolve<S = null>(ref: ResolverReference, sourcesOf?: SourceLookup<S>): ContainerdResolution<S> {
      const { hostsDir, hosts, decodeError, rootAppended, server } = this.hostsFor(ref.host);
      const chain = buildChain(hosts, ref, context, sourcesOf);
      return { hostsDir, hosts, decodeError, rootAppended, server, chain: chain.endpoints, chainCut: chain.cut };
    },
  };
}

export type { ChainContext, ChainEndpoint, EndpointKind, ResolverReference, SourceLookup } from './chain.ts';
export type { RegistryHost } from './configureHosts.ts';
