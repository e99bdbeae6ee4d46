import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import type { QuirkContext } from './context.ts';
import { WILDCARD_KEY } from '../registryNames.ts';

/** The #11857 trap: a wildcard mirror whose `_default/hosts.toml` has `server = ""` and hosts. */
export function checkWildcardFallback(context: QuirkContext): SpannedDiagnostic[] {
  const wildcard = context.registry.mirrors.get(WILDCARD_KEY);
  if (wildcard === undefined || context.disableDefaultRegistryEndpoint) return [];
  if (wildcard.endpoints.length === 0 && !context.embeddedRegistry) return [];
  return [
    diagnostic(
      'wildcard-no-fallback-v1.32.2',
      'On K3s v1.32.2+k3s1 (and v1.31.6+k3s1) containerd reads `server = ""` in _default/hosts.toml as "no default endpoint": every registry without its own mirrors entry is pulled only from these mirrors, never from the registry itself, and pulls fail with "not found" when the mirrors lack the image (k3s-io/k3s#11857). Fixed in v1.32.3+k3s1. On v1.32.2, add an explicit mirrors entry for each registry you need to fall back.',
      wildcard.keySpan,
    ),
  ];
}
