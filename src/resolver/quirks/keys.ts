import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import type { QuirkContext } from './context.ts';
import { DOCKER_HUB_HOST, DOCKER_HUB_LEGACY, WILDCARD_KEY } from '../registryNames.ts';

const SECTION_NAMES = new Set(['mirrors', 'configs', 'auths']);

/** Keys that other checks should leave alone: a misplaced section or a key no image can match. */
export function isUnusableMirrorKey(key: string): boolean {
  return SECTION_NAMES.has(key) || whyKeyNeverMatches(key) !== null;
}

/** Mirror keys are matched against the registry host of a normalised reference, exactly. */
export function checkRegistryKeys(context: QuirkContext): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  for (const [section, entries] of [['mirrors', context.registry.mirrors], ['configs', context.registry.configs]] as const) {
    for (const { key, keySpan } of entries.values()) {
      if (SECTION_NAMES.has(key)) {
        found.push(
          diagnostic('section-misplaced', `\`${key}:\` is indented under \`${section}:\`, so K3s reads it as a registry named "${key}" and ignores everything in it. Move \`${key}:\` back to the top level (column 1).`, keySpan),
        );
        continue;
      }
      if (section === 'mirrors') {
        const reason = whyKeyNeverMatches(key);
        if (reason !== null) found.push(diagnostic('registry-key-never-matches', `mirrors."${key}" is never used: ${reason}`, keySpan));
      } else if (key !== WILDCARD_KEY && key.includes(WILDCARD_KEY)) {
        found.push(diagnostic('registry-key-never-matches', `configs."${key}" is never used: a wildcard only works as the whole key "*", and K3s compares hosts exactly.`, keySpan));
      } else if (key.includes('/')) {
        found.push(
          diagnostic(
            'registry-key-never-matches',
            `configs."${key}" is never used: configs keys are endpoint hosts (host[:port]) without a scheme or path, and K3s writes this one to a nested certs.d directory no image uses.`,
            keySpan,
          ),
        );
      }
    }
  }
  return found;
}

/** Why no normalised image reference can have this registry host, or null if one can. */
export function whyKeyNeverMatches(key: string): string | null {
  if (key === WILDCARD_KEY) return null;
  if (key.includes('://') || key.includes('/')) {
    return 'keys are registry hosts as they appear in image names (host[:port]), without a scheme or path. Write it as the bare host, e.g. "registry.example.com:5000".';
  }
  if (key.includes('*')) return 'a wildcard only works as the whole key "*"; "*.example.com" is taken literally and no image host looks like that.';
  if (key === DOCKER_HUB_LEGACY) return 'image names on index.docker.io are normalised to docker.io, so use the key "docker.io".';
  if (key === DOCKER_HUB_HOST) return 'Docker Hub images are named docker.io/…; registry-1.docker.io is only the host that serves them. Use the key "docker.io".';
  const looksLikeHost = key.includes('.') || key.includes(':') || key === 'localhost' || key.toLowerCase() !== key;
  if (!looksLikeHost) {
    return `"${key}" has no dot or port, so an image named "${key}/app" means docker.io/${key}/app. Use the registry's real hostname (with a dot or a port).`;
  }
  return null;
}
