import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pullErrorFixtures } from '../../../test/fixtures/pullErrors.ts';
import { releaseOf, resolve, simulatePull, availabilities, type Availability } from '../index.ts';
import { explainPastedError, imageOfError } from './explain.ts';
import { readPastedError, type ErrorKind } from './pastedError.ts';

describe('pull errors pasted from real reports', () => {
  it('covers at least 20 texts, each with its source', () => {
    expect(pullErrorFixtures.length).toBeGreaterThanOrEqual(20);
    for (const fixture of pullErrorFixtures) expect(fixture.source).toMatch(/^https:\/\/github\.com\//);
  });

  it.each(pullErrorFixtures.map((fixture) => [fixture.source, fixture] as const))('%s', (_source, fixture) => {
    const read = readPastedError(fixture.text);
    expect(read.kind).toBe(fixture.expect.kind);
    if (fixture.expect.image !== undefined) expect(read.image).toBe(fixture.expect.image);
    if (fixture.expect.url !== undefined) expect(read.url).toBe(fixture.expect.url);
    if (fixture.expect.host !== undefined) expect(read.host).toBe(fixture.expect.host);
    if (fixture.expect.sandbox !== undefined) expect(read.sandbox).toBe(fixture.expect.sandbox);
    if (fixture.expect.status !== undefined) expect(read.status).toBe(fixture.expect.status);
    if (fixture.config === undefined) return;
    // Against the reporter's configuration and release: the step, the cause and a fix.
    const image = imageOfError(read);
    const resolution = resolve({ registriesYaml: fixture.config.yaml, images: image === null ? [] : [image], releases: [releaseOf(fixture.config.release)] });
    const explained = explainPastedError(read, resolution);
    expect(explained.cause.length).toBeGreaterThan(20);
    expect(explained.fixes.length).toBeGreaterThan(0);
    const [reading] = explained.releases;
    expect(reading?.fit).toBe(fixture.config.fit);
    if (fixture.config.step !== undefined) expect(reading?.steps.map((step) => step.index)).toContain(fixture.config.step);
  });

  it('reads the #11857 error on the seed as v1.32.2 walking only the placeholder mirror, and says v1.32.3 falls back', () => {
    const read = readPastedError(pullErrorFixtures[0]?.text ?? '');
    const seed = 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n';
    const resolution = resolve({ registriesYaml: seed, images: ['quay.io/coreos/etcd:v3.6.0-rc.1'], releases: ['v1.32.2+k3s1', 'v1.32.3+k3s1'].map((name) => releaseOf(name)) });
    const explained = explainPastedError(read, resolution);
    expect(explained.releases[0]?.situation).toContain('never falls back to the registry itself');
    expect(explained.releases[1]?.situation).not.toContain('never falls back');
    expect(explained.fixes[0]).toMatch(/^v1\.32\.2\+k3s1 never fall back to quay\.io/);
  });

  it('names the credentials host: the mirror, not the upstream registry or "*"', () => {
    const yaml = 'mirrors:\n  "*":\n    endpoint:\n      - "http://10.111.160.21:39435"\nconfigs:\n  "*":\n    auth:\n      username: admin\n      password: secret-value\n';
    const read = readPastedError(pullErrorFixtures.find((fixture) => fixture.source.includes('12326'))?.text ?? '');
    const resolution = resolve({ registriesYaml: yaml, images: ['nginx'], releases: [releaseOf('v1.32.3+k3s1')] });
    const explained = explainPastedError(read, resolution);
    expect(explained.fixes[0]).toContain('configs."10.111.160.21:39435".auth');
    expect(JSON.stringify(explained)).not.toContain('secret-value');
  });

  it('never throws and stays bounded on hostile pastes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), (text) => {
        expect(() => readPastedError(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
    const huge = `${'a'.repeat(200_000)}: not found ${'registries.yaml '.repeat(5_000)}`;
    expect(readPastedError(huge).kind).toBeDefined();
  });
});

/** What the simulation's reason reads back as. */
const KIND_OF: Readonly<Record<Exclude<Availability, 'has-image'>, readonly ErrorKind[]>> = {
  'not-found': ['not-found'],
  unauthorized: ['unauthorized'],
  unreachable: ['dns', 'connection-refused'],
  'tls-error': ['unknown-authority'],
};

describe('the simulated error fed back into the decoder', () => {
  const configs = [
    'mirrors:\n  "*":\n    endpoint: ["https://mirror.example.com", "http://cache.internal:5000"]\n',
    'mirrors:\n  docker.io:\n    endpoint: ["https://a.example.com", "https://b.example.com"]\n',
    'mirrors:\n  registry.example.com:5000:\n    endpoint: ["http://localhost:5000"]\n',
    '',
  ];
  const images = ['nginx:1.27', 'quay.io/coreos/etcd:v3.6.0-rc.1', 'registry.example.com:5000/team/app:1.0', 'localhost:5000/app:dev'];
  const releases = ['v1.32.2+k3s1', 'v1.32.3+k3s1', 'v1.29.4+k3s1', 'containerd v2.0.4'];
  it('finds the same cause and a step set that holds the step containerd reported', () => {
    fc.assert(
      fc.property(fc.constantFrom(...configs), fc.constantFrom(...images), fc.constantFrom(...releases), fc.array(fc.constantFrom(...availabilities.filter((answer) => answer !== 'has-image')), { minLength: 4, maxLength: 4 }), (yaml, image, release, answers) => {
        const resolution = resolve({ registriesYaml: yaml, images: [image], releases: [releaseOf(release)] });
        const version = resolution.images[0]?.versions[release];
        if (version === undefined || version.chain.length === 0) return;
        const outcome = simulatePull(version.chain, resolution.images[0]?.normalized ?? image, (index) => answers[index] ?? 'not-found', version.errorRanking);
        if (outcome.status !== 'failed' || outcome.reason === 'no-endpoints') return;
        const read = readPastedError(outcome.error);
        expect(KIND_OF[outcome.reason]).toContain(read.kind);
        const reported = reportedStep(answers.slice(0, version.chain.length), outcome.reason, version.errorRanking);
        const explained = explainPastedError(read, resolution);
        expect(explained.releases[0]?.fit).toBe('fits');
        expect(explained.releases[0]?.steps.map((step) => step.index)).toContain(reported);
      }),
      { numRuns: 400 },
    );
  });
});

/** The step whose error containerd reports, by its ranking (the first among equals). */
function reportedStep(answers: readonly Availability[], reason: Availability, ranking: 'first-non-404' | 'by-priority'): number {
  if (ranking === 'first-non-404' && reason !== 'not-found') return answers.findIndex((answer) => answer !== 'not-found');
  return answers.findIndex((answer) => answer === reason || (reason !== 'not-found' && answer !== 'not-found' && ranking === 'by-priority'));
}

describe('registries.yaml in the wrong place', () => {
  it('says where the file belongs when K3s applied it as a manifest', () => {
    const fixture = pullErrorFixtures.find((candidate) => candidate.source.includes('8677'));
    const explained = explainPastedError(readPastedError(fixture?.text ?? ''), resolve({ registriesYaml: '', images: [] }));
    expect(explained.fixes[0]).toContain('/etc/rancher/k3s/registries.yaml');
  });
});
