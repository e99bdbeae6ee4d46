import type { GenerationEvent, WrittenEndpoint } from '../k3s/hostConfigs.ts';
import type { Registry } from '../registries/model.ts';
import type { OutputBudget } from '../limits.ts';
import type { RegexEngine } from '../rewrite/goRegexp.ts';

/** What the quirk checks look at: the file as written, the node flags, and what K3s did with it. */
export interface QuirkContext {
  registry: Registry;
  disableDefaultRegistryEndpoint: boolean;
  embeddedRegistry: boolean;
  /** Where the embedded registry listens (NO_MIRROR_ADDR when off): endpoints are normalised against it. */
  mirrorAddr: string;
  events: readonly GenerationEvent[];
  /** The endpoints of registries.yaml as K3s normalised them (with the real embedded-registry address), in file order. */
  endpoints: readonly WrittenEndpoint[];
  /** certs.d directories whose generated hosts.toml containerd cannot decode, with the reason. */
  undecodableDirs: ReadonlyMap<string, string>;
  /** Repositories of the sample images, by the certs.d directory they resolve through. */
  repositoriesByDir: ReadonlyMap<string, readonly string[]>;
  regexEngine: RegexEngine;
  /** Shared with the chains: probing rewrites for ambiguity counts against the same allowance. */
  rewriteBudget: OutputBudget;
}
