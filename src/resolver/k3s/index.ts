import type { Registry } from '../registries/model.ts';
import {
  NO_MIRROR_ADDR,
  directoryFor,
  getHostConfigs,
  injectEmbeddedMirror,
  type EmbeddedRegistry,
  type GenerationEvent,
  type HostConfig,
  type WrittenEndpoint,
} from './hostConfigs.ts';
import { OutputBudget } from '../limits.ts';
import { renderHostsTomlWithin } from './render.ts';

export interface NodeFlags {
  /** `--disable-default-registry-endpoint` */
  disableDefaultRegistryEndpoint: boolean;
  /** `--embedded-registry`, with the node's address and TLS files; null when off. */
  embeddedRegistry: EmbeddedRegistry | null;
}

export interface K3sOutput {
  /** certs.d directory name -> hosts.toml text, sorted by directory. */
  hostsToml: Record<string, string>;
  /** The model each file was rendered from, by directory. */
  hostConfigs: Map<string, HostConfig>;
  events: GenerationEvent[];
  /** Every endpoint of registries.yaml as K3s normalised it, in file order (for the quirk checks). */
  written: WrittenEndpoint[];
  /** Directories whose hosts.toml was cut short because the output budget ran out (see limits.ts). */
  cutDirs: string[];
}

/** The K3s stage: registries.yaml model -> the hosts.toml files it writes under certs.d. */
export function generateHostsToml(registry: Registry, flags: NodeFlags, budget: OutputBudget = new OutputBudget(Infinity)): K3sOutput {
  const embedded = flags.embeddedRegistry;
  const effective = embedded === null ? registry : injectEmbeddedMirror(registry, embedded);
  const { hosts, events, written } = getHostConfigs(effective, flags.disableDefaultRegistryEndpoint, embedded?.mirrorAddr ?? NO_MIRROR_ADDR);
  const hostConfigs = new Map([...hosts].map(([key, host]) => [directoryFor(key), host] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const hostsToml: Record<string, string> = {};
  const cutDirs: string[] = [];
  for (const [dir, host] of hostConfigs) {
    const rendered = renderHostsTomlWithin(host, budget.capacity - budget.used);
    budget.take(rendered.text.length);
    hostsToml[dir] = rendered.text;
    if (rendered.cut) cutDirs.push(dir);
  }
  return { hostsToml, hostConfigs, events, written, cutDirs };
}

export { nodeEmbeddedRegistry, type EmbeddedRegistry } from './hostConfigs.ts';
