import { describe, expect, it } from 'vitest';
import { resolve as resolveCore } from '../pipeline.ts';
import { olderReleases } from '../older/index.ts';
import type { ResolveInput } from '../resolution.ts';

/** The pipeline with every release supported. */
const resolve = (input: ResolveInput) => resolveCore({ olderReleases, ...input });
import { releaseOf } from '../profiles/index.ts';
import { simulatePull, type Availability } from './pull.ts';

const SEED = 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n';

function pull(yaml: string, image: string, version: string, availability: (url: string) => Availability) {
  const resolved = resolve({ registriesYaml: yaml, images: [image] }).images[0];
  const chain = resolved?.versions[version]?.chain ?? [];
  return simulatePull(chain, resolved?.normalized ?? image, (index) => availability(chain[index]?.url ?? ''));
}

/** The placeholder mirror lacks the image; real registries have it. */
const seedWorld = (url: string): Availability => (url.startsWith('https://example.com/') ? 'not-found' : 'has-image');

describe('pull simulation', () => {
  it('the #11857 seed: v1.32.2 fails with "not found", v1.32.3 falls back to Docker Hub', () => {
    const broken = pull(SEED, 'nginx', 'v1.32.2+k3s1', seedWorld);
    expect(broken).toMatchObject({ status: 'failed', reason: 'not-found' });
    expect(broken.status === 'failed' && broken.error).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:latest": failed to resolve reference "docker.io/library/nginx:latest": docker.io/library/nginx:latest: not found',
    );
    expect(pull(SEED, 'nginx', 'v1.32.3+k3s1', seedWorld)).toMatchObject({ status: 'pulled', servedBy: 1, url: 'https://registry-1.docker.io/v2/library/nginx/manifests/latest' });
  });

  it('stops at the first endpoint that has the image', () => {
    const outcome = pull(SEED, 'nginx', 'v1.32.3+k3s1', () => 'has-image');
    expect(outcome).toMatchObject({ status: 'pulled', servedBy: 0 });
    expect(outcome.attempts).toHaveLength(1);
  });

  it('reports "not found" over a refused connection, as containerd ranks errors', () => {
    const outcome = pull(SEED, 'nginx', 'v1.32.3+k3s1', (url) => (url.startsWith('https://example.com/') ? 'not-found' : 'unreachable'));
    expect(outcome).toMatchObject({ status: 'failed', reason: 'not-found' });
    expect(outcome.attempts.map((attempt) => attempt.availability)).toEqual(['not-found', 'unreachable']);
  });

  it('keeps the first of two equally ranked errors', () => {
    const outcome = pull(SEED, 'quay.io/coreos/etcd:v3.6.0-rc.1', 'v1.32.3+k3s1', (url) => (url.startsWith('https://example.com/') ? 'unauthorized' : 'unreachable'));
    expect(outcome.status === 'failed' && outcome.error).toContain('pull access denied');
  });

  it('names the pod symptom: sandbox images keep pods in ContainerCreating', () => {
    const pause = pull(SEED, 'rancher/mirrored-pause:3.6', 'v1.32.2+k3s1', seedWorld);
    expect(pause.status === 'failed' && pause.podSymptom).toContain('ContainerCreating');
    const app = pull(SEED, 'nginx', 'v1.32.2+k3s1', seedWorld);
    expect(app.status === 'failed' && app.podSymptom).toContain('ErrImagePull');
  });

  it('explains a DNS failure with the host name', () => {
    const outcome = pull(SEED, 'nginx', 'v1.32.2+k3s1', () => 'unreachable');
    expect(outcome.status === 'failed' && outcome.error).toContain('dial tcp: lookup example.com: no such host');
  });

  it('fails with no endpoints when every host was filtered out', () => {
    expect(simulatePull([], 'docker.io/library/nginx:latest', () => 'has-image')).toMatchObject({ status: 'failed', reason: 'no-endpoints' });
  });
});

describe('which error a failed pull reports, by containerd line', () => {
  const seed = 'mirrors:\n  "*":\n    endpoint: ["https://mirror.example.com"]\n';
  const outcomeOn = (release: string, answers: Availability[]) => {
    const result = resolve({ registriesYaml: seed, images: ['quay.io/coreos/etcd:v3.6.0-rc.1'], releases: [releaseOf(release)] });
    const version = result.images[0]?.versions[release];
    if (version === undefined) throw new Error('no chain');
    return simulatePull(version.chain, 'quay.io/coreos/etcd:v3.6.0-rc.1', (index) => answers[index] ?? 'not-found', version.errorRanking);
  };
  it('containerd 2.x reports the 404 over a refused connection (why #11857 read "not found")', () => {
    expect(outcomeOn('v1.32.3+k3s1', ['not-found', 'unreachable'])).toMatchObject({ status: 'failed', reason: 'not-found' });
  });
  it('containerd 1.7 reports the first error that is not a 404', () => {
    expect(outcomeOn('v1.31.5+k3s1', ['not-found', 'unreachable'])).toMatchObject({ status: 'failed', reason: 'unreachable' });
    expect(outcomeOn('v1.31.5+k3s1', ['not-found', 'not-found'])).toMatchObject({ status: 'failed', reason: 'not-found' });
    expect(outcomeOn('v1.31.5+k3s1', ['tls-error', 'unreachable'])).toMatchObject({ status: 'failed', reason: 'tls-error' });
  });
});
