import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseOf, resolve, toResolutionJson, type EmbeddedRegistry } from '../src/resolver/index.ts';

/**
 * Every worked scenario of version-timeline.md §10, produced by running the real K3s generator and
 * K3s-fork containerd of v1.29.0 (P1), v1.29.2 (P2), v1.29.3 (P3) and v1.29.4 (P4): hosts.toml byte
 * for byte, rejected files, the certs.d directory per image, and chains as (url, kind, repository).
 */

interface Step {
  url: string;
  repository: string;
  source: 'mirror' | 'default' | '';
  note?: string;
}

interface Scenario {
  name: string;
  registries_yaml: string;
  images: string[];
  disable_default_registry_endpoint?: boolean;
  embedded_registry_addr?: string;
  hosts_toml: Record<Profile, Record<string, string>>;
  config_toml: { P1: string };
  rejected_files: Record<Exclude<Profile, 'P1'>, string[]>;
  containerd_config_error?: { P1: string };
  ignored_flags?: { P1: string[] };
  results: { image: string; normalized: string; hosts_dir_used: Record<Profile, string>; chain: Record<Profile, Step[]> }[];
}

type Profile = 'P1' | 'P2' | 'P3' | 'P4';

const examples = JSON.parse(readFileSync(new URL('../../shared/spec/timeline-examples.json', import.meta.url), 'utf8')) as { scenarios: Scenario[] };

/** The releases the examples were produced with (timeline §9). */
const RELEASES: Record<Profile, string> = { P1: 'v1.29.0+k3s1', P2: 'v1.29.2+k3s1', P3: 'v1.29.3+k3s1', P4: 'v1.29.4+k3s1' };
const PROFILES = Object.keys(RELEASES) as Profile[];

/** The examples write the embedded registry's certificate paths as placeholders. */
function embeddedAt(mirrorAddr: string): EmbeddedRegistry {
  return { mirrorAddr, caFile: 'server-ca', certFile: 'client-cert', keyFile: 'client-key' };
}

describe.each(examples.scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
  const resolution = resolve({
    registriesYaml: scenario.registries_yaml,
    images: scenario.images,
    releases: PROFILES.map((profile) => releaseOf(RELEASES[profile])),
    disableDefaultRegistryEndpoint: scenario.disable_default_registry_endpoint ?? false,
    embeddedRegistry: scenario.embedded_registry_addr === undefined ? null : embeddedAt(scenario.embedded_registry_addr),
  });
  const byProfile = (profile: Profile) => {
    const release = resolution.releases.find((candidate) => candidate.id === RELEASES[profile]);
    if (release === undefined) throw new Error(`no result for ${profile}`);
    return release;
  };

  it.each(PROFILES)('%s: what K3s writes, and what containerd refuses', (profile) => {
    const release = byProfile(profile);
    expect(release.release.profile.id).toBe(profile);
    expect(release.hostsToml).toEqual(scenario.hosts_toml[profile]);
    if (profile === 'P1') {
      expect(release.configToml).toBe(scenario.config_toml.P1);
      expect(release.containerdError).toBe(scenario.containerd_config_error?.P1 ?? null);
      expect(release.startupErrors.length > 0).toBe((scenario.ignored_flags?.P1.length ?? 0) > 0);
    } else {
      expect(release.rejectedFiles.map((file) => file.dir).sort()).toEqual([...scenario.rejected_files[profile]].sort());
    }
  });

  it.each(PROFILES)('%s: the directory and chain of every image', (profile) => {
    const id = RELEASES[profile];
    for (const [index, expected] of scenario.results.entries()) {
      const image = resolution.images[index];
      expect(image?.normalized, expected.image).toBe(expected.normalized);
      const version = image?.versions[id];
      expect(version?.hostsDir ?? '', `${expected.image} directory`).toBe(expected.hosts_dir_used[profile]);
      const steps = expected.chain[profile];
      const cannotStart = steps.length === 1 && steps[0]?.url === '' && (steps[0]?.note ?? '').startsWith('error');
      if (cannotStart) {
        expect(version?.chain, expected.image).toEqual([]);
        expect(version?.pullError, expected.image).toBe(steps[0]?.note?.replace(/^error: /, ''));
        continue;
      }
      expect(
        version?.chain.map((step) => ({ url: step.url, repository: step.repository, source: step.kind === 'embedded' ? 'mirror' : step.kind })),
        `${expected.image} chain`,
      ).toEqual(steps.map(({ url, repository, source }) => ({ url, repository, source })));
      const rejected = steps.find((step) => step.note?.startsWith('hosts.toml failed to parse'))?.note;
      if (rejected !== undefined) expect(rejected).toContain(`certs.d/${version?.hostsDir}: ${version?.decodeError}`);
    }
  });

  it('reports the same through the JSON form, keyed by the release names asked for', () => {
    const json = toResolutionJson(resolution);
    for (const profile of PROFILES) {
      const result = json.results[RELEASES[profile]];
      expect(result?.profile).toBe(profile);
      expect(result?.hostsToml).toEqual(scenario.hosts_toml[profile]);
      if (profile !== 'P1') expect(result?.rejectedFiles.map((file) => file.dir).sort()).toEqual([...scenario.rejected_files[profile]].sort());
      else expect(result?.configToml).toBe(scenario.config_toml.P1);
    }
  });
});
