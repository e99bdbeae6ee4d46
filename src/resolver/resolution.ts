import type { ChainEndpoint, RegistryHost, ResolverReference } from './containerd/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { EmbeddedRegistry } from './k3s/index.ts';
import type { HostConfig } from './k3s/hostConfigs.ts';
import type { Release } from './profiles/index.ts';
import type { ImageReference } from './reference/normalize.ts';
import type { Span } from './registries/span.ts';
import type { RegexEngine } from './rewrite/goRegexp.ts';
import type { OlderReleases } from './older/support.ts';
import type { YourDir } from './k3s/certsAtStartup.ts';
import type { RequestCredentials } from './credentials.ts';

/** What the engine is asked, and what it answers (pipeline.ts `resolve`). */
export interface ResolveInput {
  registriesYaml: string;
  images: readonly string[];
  /** Releases to compare, in display order (profiles/releases.ts findRelease); the default pair when absent. */
  releases?: readonly Release[];
  /** `--disable-default-registry-endpoint` */
  disableDefaultRegistryEndpoint?: boolean;
  /**
   * `--embedded-registry`: true for each release's own node settings (K3s 6443, RKE2 9345), or
   * explicit settings for every release; null, false or absent when off.
   */
  embeddedRegistry?: boolean | EmbeddedRegistry | null;
  /**
   * The RE2 engine for rewrites. Without it, a file with rewrites throws RegexEngineMissing
   * (load re2js, then resolve again); index.ts supplies it by default.
   */
  regexEngine?: RegexEngine;
  /**
   * Support for releases before April 2024 (older/index.ts). Without it, comparing such a release
   * throws OlderReleasesMissing (load it, then resolve again); index.ts supplies it by default.
   */
  olderReleases?: OlderReleases;
  /**
   * Your own certs.d: directory (`docker.io`, `_default`, `registry.example.com_5000_`) -> hosts.toml
   * text. K3s releases clean up and write theirs first (k3s/certsAtStartup.ts); plain containerd reads them as they are.
   */
  hostsDirs?: Readonly<Record<string, string>>;
}

export interface Resolution {
  /** False when K3s refuses registries.yaml: the agent does not start and nothing is pulled. */
  loadable: boolean;
  diagnostics: Diagnostic[];
  /** What each compared release writes and how its containerd takes it, in display order. */
  releases: ReleaseResolution[];
  images: ImageResolution[];
  /** What the resolution cost, counted (never timed): tests and benchmarks bound it. */
  work: ResolutionWork;
  /** Which configs keys carry credentials (containerd sends them to requests for exactly that host). */
  credentials: RequestCredentials;
}

/** One release's side of the comparison: K3s's output and containerd's verdict on it. */
export interface ReleaseResolution {
  /** The release as asked for: the key of `ImageResolution.versions`. */
  id: string;
  release: Release;
  /** certs.d directory -> hosts.toml as this release writes it ({} for config.toml releases). */
  hostsToml: Record<string, string>;
  /** The registry section of config.toml (P0/P1 releases); null otherwise. */
  configToml: string | null;
  hostConfigs: ReadonlyMap<string, HostConfig>;
  /** Generated hosts.toml files containerd refuses to parse: it then uses only the registry itself, with system trust. */
  rejectedFiles: { dir: string; error: string }[];
  /** containerd cannot load config.toml and does not start: no pull happens at all (P1). */
  containerdError: string | null;
  /** Node flags in use that this release does not have: K3s refuses to start with them. */
  startupErrors: string[];
  /** What became of each hosts.toml you wrote: used, replaced by K3s's, deleted at start-up, or never read. */
  yourDirs: YourDir[];
  /** The registry auth section K3s renders into config.toml (values hidden); null without auth, and for config.toml releases (configToml has it all). */
  authSection: string | null;
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
  /** Per release id. */
  versions: Record<string, VersionChain>;
}

/** One release's view of an image. Shared between releases that agree; treat as read-only. */
export interface VersionChain {
  /** certs.d directory containerd uses for this image, or null for the built-in default (and for config.toml releases). */
  hostsDir: string | null;
  /** Why that directory's hosts.toml is ignored, or null. */
  decodeError: string | null;
  /** Why the pull cannot start at all (containerd not running, an endpoint it cannot parse), or null. */
  pullError: string | null;
  chain: ResolvedEndpoint[];
  /** Every host containerd considered, before capability filtering (shared by images of one registry). */
  hosts: RegistryHost[];
  /** Whether hosts.toml's root `server` was used as the final fallback. */
  rootAppended: boolean;
  /** The hosts.toml's top-level `server` key, as containerd read it; null without a decoded file. */
  server: { present: boolean; value: string } | null;
  /** The resolution's output budget ran out before this chain was complete (see limits.ts). */
  cut: boolean;
  /** Which of the endpoints' errors containerd reports when all fail (the release's reader). */
  errorRanking: 'first-non-404' | 'by-priority';
}

/** A chain step, linked to the registries.yaml text that produced it. */
export type ResolvedEndpoint = ChainEndpoint<SourceRef[]>;

export interface SourceRef {
  /** registries.yaml's mirror key, endpoint, rewrite or configs entry; or a `[host."…"]` table (or the root) of your hosts.toml. */
  role: 'mirror' | 'endpoint' | 'rewrite' | 'config' | 'host';
  span: Span;
  /** The certs.d directory whose hosts.toml the span is in; absent for registries.yaml. */
  file?: string;
}

