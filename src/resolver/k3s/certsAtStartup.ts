import type { Release } from '../profiles/releases.ts';
import { GENERATED_HEADER } from './render.ts';

/**
 * What becomes of a hosts.toml you wrote yourself (`certs.d/<dir>/hosts.toml`) when the node starts:
 * - `used`: containerd reads it;
 * - `replaced`: K3s writes a directory of the same name, and yours is gone;
 * - `deleted`: K3s's start-up clean-up removes it (all of certs.d before v1.30.5/v1.31.1; later, only
 *   directories whose hosts.toml starts with K3s's own header);
 * - `not-read`: the release configures registries in config.toml without `config_path`, so containerd
 *   never looks at certs.d.
 */
export type DirFate = 'used' | 'replaced' | 'deleted' | 'not-read';

export interface YourDir {
  dir: string;
  fate: DirFate;
  /** One sentence for people: why, on this release. */
  why: string;
}

export interface CertsAtStartup {
  /** certs.d as containerd finds it: K3s's files and the ones of yours that survive, by directory. */
  files: Record<string, string>;
  yours: YourDir[];
}

/**
 * K3s's `cleanContainerdHosts` and then its writes, for one release (version-timeline B11/C4):
 * directories K3s is about to write are removed first; on releases with the managed-only clean-up
 * the others are kept unless their hosts.toml's first line is K3s's header, before it everything goes.
 */
export function certsAtStartup(written: Readonly<Record<string, string>>, yours: Readonly<Record<string, string>>, release: Release): CertsAtStartup {
  const files: Record<string, string> = { ...written };
  const fates: YourDir[] = [];
  const name = release.version;
  for (const [dir, text] of Object.entries(yours)) {
    const fate = fateOf(dir, text, written, release);
    fates.push({ dir, fate, why: explainFate(fate, name, dir, release) });
    if (fate === 'used') files[dir] = text;
  }
  return { files, yours: fates };
}

function fateOf(dir: string, text: string, written: Readonly<Record<string, string>>, release: Release): DirFate {
  const { generator } = release.profile;
  if (generator.output === 'none') return 'used';
  if (generator.output === 'config-toml') return 'not-read';
  if (Object.hasOwn(written, dir)) return 'replaced';
  if (release.certsCleanup.scope === 'everything') return 'deleted';
  return startsWithGeneratedHeader(text) ? 'deleted' : 'used';
}

/** K3s reads the first line up to and including its newline: a file of one line without a newline is kept. */
export function startsWithGeneratedHeader(text: string): boolean {
  return text.startsWith(`${GENERATED_HEADER}\n`);
}

function explainFate(fate: DirFate, name: string, dir: string, release: Release): string {
  switch (fate) {
    case 'used':
      return release.profile.generator.output === 'none' ? `containerd reads ${dir}/hosts.toml.` : `${name} keeps ${dir}/hosts.toml (it cleans up only the directories it manages) and containerd reads it.`;
    case 'replaced':
      return `${name} writes ${dir}/hosts.toml from registries.yaml at start-up: your file is replaced.`;
    case 'deleted':
      return release.certsCleanup.scope === 'everything'
        ? `deleted at start-up on ${name}: it removes all of certs.d before writing its files (only its own from v1.30.5 and v1.31.1)${release.certsCleanup.confidence === 'U' ? '; whether this line got the change is not known' : ''}.`
        : `deleted at start-up on ${name}: the file starts with "${GENERATED_HEADER}", so K3s takes it for one of its own.`;
    case 'not-read':
      return `not read on ${name}: it configures registries in config.toml without config_path, so containerd never looks at certs.d.`;
  }
}
