import type { ContainerdReader } from './containerd/index.ts';
import type { SpannedDiagnostic } from './diagnostics.ts';
import type { EmbeddedRegistry, K3sOutput } from './k3s/index.ts';
import { NO_MIRROR_ADDR } from './k3s/hostConfigs.ts';
import type { WorkBudget } from './limits.ts';
import { findQuirks } from './quirks/index.ts';
import type { Registry } from './registries/model.ts';
import type { ImageResolution } from './resolution.ts';
import type { RegexEngine } from './rewrite/goRegexp.ts';

/**
 * What the quirk checks look at, gathered from the stages' outputs: the file as written, the
 * node flags, the K3s model and events, which generated files containerd cannot decode, and
 * which repositories the sample images send through each directory — as the given release
 * (one with today's generator) writes and reads them.
 */
export function quirkDiagnostics(
  registry: Registry,
  flags: { disableDefaultRegistryEndpoint: boolean; embeddedRegistry: EmbeddedRegistry | null },
  k3s: K3sOutput,
  reader: ContainerdReader,
  images: readonly ImageResolution[],
  releaseId: string,
  regexEngine: RegexEngine,
  budget: WorkBudget,
): SpannedDiagnostic[] {
  const undecodableDirs = new Map<string, string>();
  for (const dir of Object.keys(k3s.hostsToml)) {
    const error = reader.load(dir).decodeError;
    if (error !== null) undecodableDirs.set(dir, error);
  }
  const repositoriesByDir = new Map<string, string[]>();
  for (const image of images) {
    const hostsDir = image.versions[releaseId]?.hostsDir ?? null;
    if (hostsDir === null || image.reference === null) continue;
    const list = repositoriesByDir.get(hostsDir) ?? [];
    list.push(image.reference.repository);
    repositoriesByDir.set(hostsDir, list);
  }
  return findQuirks({
    registry,
    disableDefaultRegistryEndpoint: flags.disableDefaultRegistryEndpoint,
    embeddedRegistry: flags.embeddedRegistry !== null,
    mirrorAddr: flags.embeddedRegistry?.mirrorAddr ?? NO_MIRROR_ADDR,
    events: k3s.events,
    endpoints: k3s.written,
    undecodableDirs,
    repositoriesByDir,
    regexEngine,
    rewriteBudget: budget.rewriteEvaluations,
  });
}

