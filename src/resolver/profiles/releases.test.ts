import { describe, expect, it } from 'vitest';
import { defaultReleaseNames, findRelease, firstReleaseWith, newestRelease, releaseOf, releaseRanges } from './releases.ts';
import type { ProfileId } from './profile.ts';
import { evidence } from './evidence.ts';
import { profiles } from './profiles.ts';

/**
 * Both sides of every boundary of version-timeline.md §6, as [release, profile]: the last patch of
 * one profile and the first of the next, on every line where the profile changes.
 */
const boundaries: [string, ProfileId][] = [
  ['1.21.0', 'P0'],
  ['1.21.14', 'P0'],
  ['1.22.0', 'P1'],
  ['1.25.16', 'P1'],
  // January 2024: hosts.toml; March 2024: the new generator; April 2024: the [host] stub.
  ['1.26.12', 'P1'],
  ['1.26.13', 'P2'],
  ['1.26.14', 'P2'],
  ['1.26.15', 'P3'],
  ['1.27.9', 'P1'],
  ['1.27.10', 'P2'],
  ['1.27.11', 'P2'],
  ['1.27.12', 'P3'],
  ['1.27.13', 'P4'],
  ['1.27.16', 'P4'],
  ['1.28.5', 'P1'],
  ['1.28.6', 'P2'],
  ['1.28.7', 'P2'],
  ['1.28.8', 'P3'],
  ['1.28.9', 'P4'],
  ['1.28.15', 'P4'],
  ['1.29.0', 'P1'],
  ['1.29.1', 'P2'],
  ['1.29.2', 'P2'],
  ['1.29.3', 'P3'],
  ['1.29.4', 'P4'],
  ['1.29.15', 'P4'],
  ['1.30.0', 'P4'],
  ['1.30.14', 'P4'],
  // containerd 2.0.2 (#11857) and its fix.
  ['1.31.5', 'P4'],
  ['1.31.6', 'P5a'],
  ['1.31.7', 'P5'],
  ['1.31.14', 'P5'],
  ['1.32.1', 'P4'],
  ['1.32.2', 'P5a'],
  ['1.32.3', 'P5'],
  ['1.32.11', 'P5'],
  // Spegel wildcard fix (k3s#13526).
  ['1.32.12', 'P6'],
  ['1.32.13', 'P6'],
  ['1.33.7', 'P5'],
  ['1.33.8', 'P6'],
  ['1.34.3', 'P5'],
  ['1.34.4', 'P6'],
  ['1.35.0', 'P5'],
  ['1.35.1', 'P6'],
  ['1.36.0', 'P6'],
];

describe('release -> profile (version-timeline §6)', () => {
  it.each(boundaries)('K3s v%s+k3s1 runs %s', (version, profile) => {
    for (const name of [`v${version}+k3s1`, `v${version}`, version, `v${version}+k3s2`]) {
      const found = findRelease(name);
      expect(found.ok && found.release.profile.id, name).toBe(profile);
      expect(found.ok && found.release.product, name).toBe('k3s');
    }
  });

  it.each(boundaries)('RKE2 v%s+rke2r1 runs %s', (version, profile) => {
    for (const [name, product] of [[`v${version}+rke2r1`, 'k3s'], [version, 'rke2']] as const) {
      const found = findRelease(name, product);
      expect(found.ok && found.release.profile.id, name).toBe(profile);
      expect(found.ok && found.release.product, name).toBe('rke2');
      expect(found.ok && found.release.version, name).toBe(`v${version}+rke2r1`);
    }
  });

  it('keys a release by the name as asked for', () => {
    expect(releaseOf('1.29.3').id).toBe('1.29.3');
    expect(releaseOf('v1.26.13+k3s2').version).toBe('v1.26.13+k3s2');
    expect(releaseOf('v1.32.3-rc2+k3s1')).toMatchObject({ version: 'v1.32.3+k3s1', note: expect.stringContaining('rc2') });
  });

  it('maps a patch newer than the table to its line, and a newer line to the newest profile, with a note', () => {
    const patch = releaseOf('v1.32.99+k3s1');
    expect(patch.profile.id).toBe('P6');
    expect(patch.note).toContain('newer than the release table');
    const line = releaseOf('v1.40.2+rke2r1');
    expect(line.profile.id).toBe(releaseOf(newestRelease()).profile.id);
    expect(line.note).toContain('v1.40 is newer than the release table');
    expect(releaseOf('v1.32.2+k3s1').note).toBeNull();
  });

  it.each(['latest', 'v2.0.0', '1.32', 'v1.32.2+k3s', 'v1.32.2+microk8s1', ''])('refuses %j', (name) => {
    expect(findRelease(name)).toMatchObject({ ok: false, error: expect.stringContaining('is not a K3s or RKE2 release') });
  });

  it('refuses releases older than the modelled ones', () => {
    expect(findRelease('v1.20.15+k3s1')).toMatchObject({ ok: false, error: expect.stringContaining('older than the releases') });
  });

  it('knows the containerd a release embeds where the timeline pins it', () => {
    expect(releaseOf('v1.29.3+k3s1').containerd).toBe('1.7.11-k3s2');
    expect(releaseOf('v1.29.4+k3s1').containerd).toBe('1.7.15-k3s1');
    expect(releaseOf('v1.32.2+k3s1').containerd).toBe('2.0.2-k3s2');
    expect(releaseOf('v1.32.3+k3s1').containerd).toBe('2.0.4-k3s2');
  });

  it('carries the P4 sub-flags and the embedded-registry stage', () => {
    expect(releaseOf('v1.30.4+k3s1').certsCleanup.scope).toBe('everything');
    expect(releaseOf('v1.30.5+k3s1').certsCleanup.scope).toBe('managed-only');
    expect(releaseOf('v1.29.15+k3s1').certsCleanup.confidence).toBe('U');
    expect(releaseOf('v1.29.10+k3s1').rewriteTokenScope).toBe(false);
    expect(releaseOf('v1.29.11+k3s1').rewriteTokenScope).toBe(true);
    expect(releaseOf('v1.29.0+k3s1').embeddedRegistry).toBe('absent');
    expect(releaseOf('v1.29.11+k3s1').embeddedRegistry).toBe('experimental');
    expect(releaseOf('v1.29.12+k3s1').embeddedRegistry).toBe('ga');
  });

  it('finds where a behaviour stops within a line, or that it never does', () => {
    const hasStub = (profile: { generator: { hostStub: boolean } }) => profile.generator.hostStub;
    expect(firstReleaseWith(releaseOf('v1.29.3+k3s1'), hasStub)).toBe('v1.29.4+k3s1');
    expect(firstReleaseWith(releaseOf('v1.26.15+k3s1'), hasStub)).toBeNull();
    expect(firstReleaseWith(releaseOf('v1.31.6+rke2r1'), (profile) => profile.reader.rootHost !== 'when-server-non-empty')).toBe('v1.31.7+rke2r1');
  });

  it('covers every patch of every line exactly once, oldest first, starting with the default pair resolvable', () => {
    for (const name of defaultReleaseNames) expect(findRelease(name).ok).toBe(true);
    const byLine = new Map<string, number[]>();
    for (const range of releaseRanges()) byLine.set(range.line, [...(byLine.get(range.line) ?? []), ...Array.from({ length: range.to - range.from + 1 }, (_, index) => range.from + index)]);
    for (const [line, patches] of byLine) expect(patches, line).toEqual(Array.from({ length: patches.length }, (_, index) => index));
  });
});

describe('profiles', () => {
  it('mark every behaviour with a confidence and a source', () => {
    for (const profile of Object.values(profiles)) {
      const known = evidence[profile.id];
      const behaviours = [
        ...Object.keys(profile.generator).map((name) => `generator.${name}`),
        ...Object.keys(profile.reader).map((name) => `reader.${name}`),
        'flags',
        'embeddedServesWildcard',
      ];
      const unexplained = behaviours.filter((name) => known[name] === undefined);
      expect(unexplained, profile.id).toEqual([]);
      for (const item of Object.values(known)) {
        expect(['V', 'I', 'U']).toContain(item.confidence);
        expect(item.source.length).toBeGreaterThan(10);
      }
    }
  });
});

