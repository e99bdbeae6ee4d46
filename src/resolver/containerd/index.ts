import type { ReaderBehaviour } from '../profiles/profile.ts';
import { buildChain, type ChainContext, type ChainEndpoint, type ResolverReference, type SourceLookup } from './chain.ts';
import { fillDefaultHost, loadHostDir, noHostsFile, withTransport, type DecodedFiles, type LoadedDir, type RegistryHost } from './configureHosts.ts';
import { CERTS_D, findHostDir } from './hostDir.ts';
import { missingOlderReleases, type OlderReleases } from '../older/support.ts';

/** The hosts containerd would try for a registry, before capability filtering, and where they came from. */
export interface HostsLookup {
  /** The certs.d directory used, or null for the built-in default (and always for the legacy resolver). */
  hostsDir: string | null;
  hosts: RegistryHost[];
  /** Why hosts.toml was ignored, or null. */
  decodeError: string | null;
  rootAppended: boolean;
  /** The hosts.toml's top-level `server` key; null when no file was decoded. */
  server: LoadedDir['server'];
  /** Why every pull from this registry fails before any request (containerd not started, bad endpoint); else null. */
  pullError: string | null;
}

export interface ContainerdResolution<S = null> extends HostsLookup {
  chain: ChainEndpoint<S>[];
  /** The resolution's output budget ran out before the chain was complete. */
  chainCut: boolean;
}

/** What K3s wrote for containerd: certs.d files, or the config.toml registry section of older releases. */
export interface ContainerdInput {
  hostsToml: Readonly<Record<string, string>>;
  configToml: string | null;
}

/** How the release's containerd reads its registry configuration, and where its certs.d is. */
export interface ReaderSetup {
  behaviour: ReaderBehaviour;
  certsDir?: string;
  /** containerd 1.7's and the legacy CRI's reading (older releases only). */
  older?: OlderReleases;
  /** Files already decoded by a reader that decodes alike (same files, same TOML rules). */
  decoded?: DecodedFiles;
}

export interface ContainerdReader {
  /** Why containerd does not start at all (an invalid config.toml), or null. */
  startError: string | null;
  /** Generated hosts.toml files this containerd refuses to parse, with its error. */
  rejectedFiles: { dir: string; error: string }[];
  /** Decodes one directory's hosts.toml (a null error when containerd accepts it). */
  load(dir: string): LoadedDir;
  hostsFor(registryHost: string): HostsLookup;
  resolve<S = null>(ref: ResolverReference, sourcesOf?: SourceLookup<S>): ContainerdResolution<S>;
}

/**
 * The containerd stage for one release: reads what K3s wrote the way that release's containerd
 * does, and resolves image references to endpoint chains. Each directory is decoded once per
 * reader, and registries are looked up once, however many images go through them.
 */
export function createContainerdReader(input: ContainerdInput, setup: ReaderSetup, context: ChainContext): ContainerdReader {
  const older = setup.older ?? missingOlderReleases;
  const lookup = setup.behaviour.kind === 'legacy-cri' ? legacyLookup(input.configToml ?? '', setup.behaviour, older) : hostsDirLookup(input.hostsToml, setup);
  const byRegistry = new Map<string, HostsLookup>();
  const hostsFor = (registryHost: string): HostsLookup => {
    let result = byRegistry.get(registryHost);
    if (result === undefined) byRegistry.set(registryHost, (result = lookup.hostsFor(registryHost)));
    return result;
  };
  return {
    startError: lookup.startError,
    rejectedFiles: lookup.rejectedFiles(),
    load: lookup.load,
    hostsFor,
    resolve<S = null>(ref: ResolverReference, sourcesOf?: SourceLookup<S>): ContainerdResolution<S> {
      const found = hostsFor(ref.host);
      const chain = found.pullError === null ? buildChain(found.hosts, ref, context, sourcesOf) : { endpoints: [], cut: false };
      return { ...found, chain: chain.endpoints, chainCut: chain.cut };
    },
  };
}

type Lookup = Pick<ContainerdReader, 'startError' | 'load'> & { rejectedFiles(): ContainerdReader['rejectedFiles']; hostsFor(registryHost: string): HostsLookup };

/** certs.d: `host_port_`, `host`, `_default`; then the file's hosts, the default filled in, TLS decided. */
function hostsDirLookup(hostsToml: Readonly<Record<string, string>>, setup: ReaderSetup): Lookup {
  const dirs = new Set(Object.keys(hostsToml));
  const { rewrites, dialTimeout, referrersCapability } = setup.behaviour;
  const reading = { ...setup.behaviour, keys: { rewrites, dialTimeout, referrersCapability }, ...(setup.older !== undefined ? { older: setup.older } : {}) };
  const loaded = new Map<string, LoadedDir>();
  const load = (dir: string): LoadedDir => {
    let result = loaded.get(dir);
    if (result === undefined) loaded.set(dir, (result = loadHostDir(dir, hostsToml[dir] ?? '', reading, setup.certsDir ?? CERTS_D, setup.decoded)));
    return result;
  };
  return {
    startError: null,
    load,
    rejectedFiles: () => [...dirs].flatMap((dir) => {
      const error = load(dir).decodeError;
      return error === null ? [] : [{ dir, error }];
    }),
    hostsFor(registryHost) {
      const hostsDir = findHostDir(registryHost, dirs);
      const dir = hostsDir === null ? noHostsFile(null) : load(hostsDir);
      const hosts = fillDefaultHost(dir.hosts, registryHost).map(withTransport);
      return { hostsDir, hosts, decodeError: dir.decodeError, rootAppended: dir.rootAppended, server: dir.server, pullError: null };
    },
  };
}

/** config.toml `registry.mirrors` through the legacy CRI resolver; no certs.d directory is involved. */
function legacyLookup(configToml: string, behaviour: ReaderBehaviour, older: OlderReleases): Lookup {
  const mirrors = older.loadCriMirrors(configToml, behaviour);
  const startError = mirrors.ok ? null : mirrors.error;
  return {
    startError,
    load: () => noHostsFile(null),
    rejectedFiles: () => [],
    hostsFor(registryHost) {
      const base = { hostsDir: null, decodeError: null, rootAppended: true, server: null };
      if (!mirrors.ok) return { ...base, hosts: [], pullError: `containerd cannot start: config.toml ${mirrors.error.replace(/^failed to load TOML: /, '')}` };
      const hosts = older.criRegistryHosts(mirrors.value, registryHost);
      return hosts.ok ? { ...base, hosts: hosts.value, pullError: null } : { ...base, hosts: [], pullError: hosts.error };
    },
  };
}

export type { ChainContext, ChainEndpoint, EndpointKind, ResolverReference, SourceLookup } from './chain.ts';
export type { RegistryHost } from './configureHosts.ts';
