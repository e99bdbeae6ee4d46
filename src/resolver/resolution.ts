import type { ChainEndpoint, RegistryHost, ResolverReference } from './containerd/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { EmbeddedRegistry } from './k3s/index.ts';
import type { HostConfig } from './k3s/hostConfigs.ts';
import type { VersionProfile } from './profiles/index.ts';
import type { ImageReference } from './reference/normalize.ts';
import type { Span } from './registries/span.ts';
import type { RegexEngine } from './rewrite/goRegexp.ts';

/** What the engine is asked, and what it answers (pipeline.ts `resolve`). */
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

