import { describe, expect, it } from 'vitest';
import { limits } from '../src/resolver/limits.ts';
import { resolve } from '../src/resolver/index.ts';

/**
 * Hostile files must cost bounded work. These tests count what the engine produced
 * (bytes, evaluations, decode steps), never how long it took.
 */

const images = (count: number) => Array.from({ length: count }, (_, index) => `team${index}/app:1`);

describe('engine output is bounded', () => {
  it('cuts a rewrite that expands to 900,000 characters, per step, and says so', () => {
    const yaml = `mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(.*)$": "${'x'.repeat(900_000)}"\n`;
    const resolution = resolve({ registriesYaml: yaml, images: images(50) });
    const steps = resolution.images.flatMap((image) => Object.values(image.versions).flatMap((version) => version.chain));
    const mirrorSteps = steps.filter((step) => step.kind === 'mirror');
    expect(mirrorSteps.length).toBeGreaterThanOrEqual(50);
    for (const step of mirrorSteps) {
      expect(step.cut).toBe(true);
      expect(step.url.length).toBeLessThanOrEqual(limits.urlLength);
    }
    // 50 images, one cut mirror URL and one default URL each, shared by both releases.
    expect(resolution.work.chainBytes).toBeLessThanOrEqual(50 * (limits.urlLength + 100));
    const cut = resolution.diagnostics.filter((found) => found.code === 'output-cut');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ line: 5 });
    expect(cut[0]?.message).toContain('longer than 4,096 characters');
  });

  it('stops writing hosts.toml at the output limit when every endpoint repeats thousands of rewrites', () => {
    const endpoints = Array.from({ length: 300 }, (_, index) => `      - https://m${index}.example.com`).join('\n');
    const rewrites = Array.from({ length: 2_000 }, (_, index) => `      "^r${index}/(.*)$": "c/$1"`).join('\n');
    const yaml = `mirrors:\n  docker.io:\n    endpoint:\n${endpoints}\n    rewrite:\n${rewrites}\n`;
    // Uncut, K3s would write 300 x 2,000 rewrite lines: about 15 MB.
    const resolution = resolve({ registriesYaml: yaml, images: ['nginx'] });
    expect(resolution.work.hostsTomlBytes).toBeLessThanOrEqual(limits.hostsTomlBytes);
    expect(resolution.releases[0]?.hostsToml['docker.io']?.length).toBeLessThanOrEqual(limits.hostsTomlBytes);
    expect(resolution.releases[0]?.hostsToml['docker.io']?.endsWith('\n')).toBe(true);
    expect(resolution.diagnostics.find((found) => found.code === 'output-cut')).toMatchObject({ line: 2 });
  });

  it('evaluates at most the rewrite budget, however many rewrites and images there are', () => {
    const rewrites = Array.from({ length: 5_000 }, (_, index) => `      "^never${index}/(.*)$": "c/$1"`).join('\n');
    const yaml = `mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n${rewrites}\n`;
    const resolution = resolve({ registriesYaml: yaml, images: images(1_000) });
    expect(resolution.work.rewriteEvaluations).toBeLessThanOrEqual(limits.rewriteEvaluations);
    const last = resolution.images.at(-1)?.versions['v1.32.3+k3s1']?.chain[0];
    expect(last?.cut).toBe(true);
    expect(resolution.diagnostics.some((found) => found.code === 'output-cut' && found.message.includes('evaluations'))).toBe(true);
  });

  it('stops building chains at the output limit when a wildcard mirror lists thousands of endpoints', () => {
    const endpoints = Array.from({ length: 20_000 }, (_, index) => `      - https://m${index}.example.com`).join('\n');
    const yaml = `mirrors:\n  "*":\n    endpoint:\n${endpoints}\n`;
    const resolution = resolve({ registriesYaml: yaml, images: images(1_000) });
    expect(resolution.work.chainBytes).toBeLessThanOrEqual(limits.chainBytes);
    expect(resolution.images.at(-1)?.versions['v1.32.2+k3s1']?.cut).toBe(true);
    expect(resolution.images[0]?.versions['v1.32.2+k3s1']?.chain).toHaveLength(20_000);
    expect(resolution.diagnostics.some((found) => found.code === 'output-cut' && found.message.includes('from team'))).toBe(true);
  });

  it('leaves an ordinary file untouched by any limit', () => {
    const yaml = 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(.*)$": "cache/$1"\n';
    const resolution = resolve({ registriesYaml: yaml, images: images(20) });
    expect(resolution.diagnostics.filter((found) => found.code === 'output-cut')).toEqual([]);
    expect(resolution.images.every((image) => Object.values(image.versions).every((version) => !version.cut && version.chain.every((step) => !step.cut)))).toBe(true);
  });
});
