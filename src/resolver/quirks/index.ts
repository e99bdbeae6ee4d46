import type { SpannedDiagnostic } from '../diagnostics.ts';
import { checkConfigMatching, checkConfigs } from './configs.ts';
import type { QuirkContext } from './context.ts';
import { checkGenerationEvents, checkMirrorEndpoints, checkTransport } from './endpoints.ts';
import { checkRegistryKeys } from './keys.ts';
import { checkRewrites } from './rewrites.ts';

export type { QuirkContext } from './context.ts';

/** Every check that explains a K3s/containerd quirk in a loadable registries.yaml. */
const checks: readonly ((context: QuirkContext) => SpannedDiagnostic[])[] = [
  checkGenerationEvents,
  checkRegistryKeys,
  checkMirrorEndpoints,
  checkTransport,
  checkConfigs,
  checkConfigMatching,
  checkRewrites,
];

export function findQuirks(context: QuirkContext): SpannedDiagnostic[] {
  return checks.flatMap((check) => check(context));
}
