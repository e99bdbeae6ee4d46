import type { GeneratorBehaviour } from '../profiles/profile.ts';
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
import { missingOlderReleases, type OlderReleases } from '../older/support.ts';
import { OutputBudget } from '../limits.ts';
import { CURRENT_TEMPLATE, renderHostsTomlWithin, type HostsTemplate } from './render.ts';

export interface NodeFlags {
  /** `--disable-default-registry-endpoint` */
  disableDefaultRegistryEndpoint: boolean;
  /** `--embedded-registry`, with the node's address and TLS files; null when off. */
  embeddedRegistry: EmbeddedRegistry | null;
}

export interface K3sOutput {
  /** certs.d directory name -> hosts.toml text, sorted by directory ({} for config.toml releases). */
  hostsToml: Record<string, string>;
  /** The registry section of containerd's config.toml, for releases that write one (P0/P1); else null. */
  configToml: string | null;
  /** The model each file was rendered from, by directory. */
  hostConfigs: Map<string, HostConfig>;
  events: GenerationEvent[];
  /** Every endpoint of registries.yaml as K3s normalised it, in file order (for the quirk checks). */
  written: WrittenEndpoint[];
  /** Directories whose hosts.toml was cut short because the output budget ran out (see limits.ts). */
  cutDirs: string[];
}

/** Today's generator (March 2024 model, trimmed template with the `[host]` stub). */
const CURRENT_GENERATOR: Pick<GeneratorBehaviour, 'output' | 'model' | 'template' | 'hostStub' | 'trimmed' | 'embeddedForWildcard'> = {
  output: 'hosts-toml',
  model: 'mar-2024',
  template: 'mar-2024',
  hostStub: true,
  trimmed: true,
  embeddedForWildcard: true,
};

/**
 * The K3s stage: registries.yaml model -> what the release writes for containerd — hosts.toml
 * files under certs.d, or (before January 2024) the registry section of config.toml.
 */
export function generateK3sOutput(
  registry: Registry,
  flags: NodeFlags,
  generator: Pick<GeneratorBehaviour, 'output' | 'model' | 'template' | 'hostStub' | 'trimmed' | 'embeddedForWildcard'> = CURRENT_GENERATOR,
  budget: OutputBudget = new OutputBudget(Infinity),
  older: OlderReleases = missingOlderReleases,
): K3sOutput {
  if (generator.output === 'config-toml') {
    // The flags do not exist in these releases (K3s refuses to start); the file is written as is.
    const configToml = older.renderConfigToml(registry);
    budget.take(configToml.length);
    return { hostsToml: {}, configToml, hostConfigs: new Map(), events: [], written: [], cutDirs: [] };
  }
  const embedded = flags.embeddedRegistry;
  const effective = embedded === null ? registry : injectEmbeddedMirror(registry, embedded, generator.embeddedForWildcard);
  const mirrorAddr = embedded?.mirrorAddr ?? NO_MIRROR_ADDR;
  const model = generator.model === 'jan-2024' ? older.getHostConfigsJan2024 : getHostConfigs;
  const { hosts, events, written } = model(effective, flags.disableDefaultRegistryEndpoint, mirrorAddr);
  const hostConfigs = new Map([...hosts].map(([key, host]) => [directoryFor(key), host] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const template: HostsTemplate = { family: generator.template === 'jan-2024' ? 'jan-2024' : 'mar-2024', hostStub: generator.hostStub, trimmed: generator.trimmed };
  const hostsToml: Record<string, string> = {};
  const cutDirs: string[] = [];
  for (const [dir, host] of hostConfigs) {
    const rendered = renderHostsTomlWithin(host, budget.capacity - budget.used, template);
    budget.take(rendered.text.length);
    hostsToml[dir] = rendered.text;
    if (rendered.cut) cutDirs.push(dir);
  }
  return { hostsToml, configToml: null, hostConfigs, events, written, cutDirs };
}

/** Today's K3s output: certs.d hosts.toml files (kept for callers that only model current releases). */
export function generateHostsToml(registry: Registry, flags: NodeFlags, budget: OutputBudget = new OutputBudget(Infinity)): K3sOutput {
  return generateK3sOutput(registry, flags, CURRENT_GENERATOR, budget);
}

export { CURRENT_TEMPLATE };
export type { EmbeddedRegistry } from './hostConfigs.ts';
