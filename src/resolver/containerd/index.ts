import type { RootHostRule } from '../profiles/index.ts';
import { buildChain, type ChainEndpoint, type ResolverReference } from './chain.ts';
import { emptyHost, fillDefaultHost, loadHostDir, withTransport, type RegistryHost } from './configureHosts.ts';
import { findHostDir } from './hostDir.ts';
import type { HostEntry } from './hostsFile.ts';

export interface ContainerdResolution {
  /** The certs.d directory used, or null for the built-in default. */
  hostsDir: string | null;
  hosts: RegistryHost[];
  chain: ChainEndpoint[];
  /** Why hosts.toml was ignored, or null. */
  decodeError: string | null;
  rootAppended: boolean;
}

interface LoadedDir {
  hosts: HostEntry[];
  decodeError: string | null;
  rootAppended: boolean;
}

/**
 * The containerd stage for one K3s release: reads the certs.d files the way its
 * containerd build does and resolves image references to endpoint chains. Each directory
 * is decoded once per reader, however many images go through it.
 */
export function createContainerdReader(hostsToml: Readonly<Record<string, string>>, rootHost: RootHostRule, embeddedAddr: string | null) {
  const dirs = new Set(Object.keys(hostsToml));
  const loaded = new Map<string, LoadedDir>();
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
    resolve(ref: ResolverReference): ContainerdResolution {
      const hostsDir = findHostDir(ref.host, dirs);
      const dir: LoadedDir = hostsDir === null ? { hosts: [emptyHost()], decodeError: null, rootAppended: true } : load(hostsDir);
      const hosts = fillDefaultHost(dir.hosts, ref.host).map(withTransport);
      return { hostsDir, hosts, chain: buildChain(hosts, ref, embeddedAddr), decodeError: dir.decodeError, rootAppended: dir.rootAppended };
    },
  };
}

export type { ChainEndpoint, EndpointKind, ResolverReference } from './chain.ts';
export type { RegistryHost } from './configureHosts.ts';
