import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReference, parseDockerRef } from './normalize.ts';

const HEX64 = 'a'.repeat(64);

describe('parseDockerRef normalises like containerd CRI (distribution/reference v0.5.0)', () => {
  it.each([
    // input, normalised reference
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['rancher/mirrored-pause:3.6', 'docker.io/rancher/mirrored-pause:3.6'],
    ['quay.io/coreos/etcd', 'quay.io/coreos/etcd:latest'],
    ['localhost/app:dev', 'localhost/app:dev'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry.example.com:5000/team/app', 'registry.example.com:5000/team/app:latest'],
    ['[::1]:5000/app', '[::1]:5000/app:latest'],
    // An upper-case first component cannot be a repository, so it is taken as a registry host.
    ['Foo/bar', 'Foo/bar:latest'],
    ['a--b/c__d.e', 'docker.io/a--b/c__d.e:latest'],
    [`nginx@sha256:${HEX64}`, `docker.io/library/nginx@sha256:${HEX64}`],
    // Tag and digest: the tag is dropped.
    [`nginx:1.27@sha256:${HEX64}`, `docker.io/library/nginx@sha256:${HEX64}`],
  ])('%s -> %s', (input, expected) => {
    const result = parseDockerRef(input);
    expect(result.ok && formatReference(result.value)).toBe(expected);
  });

  it.each([
    // input, Go's error text
    ['', 'invalid reference format'],
    [' nginx', 'invalid reference format'],
    ['nginx:', 'invalid reference format'],
    ['nginx:-tag', 'invalid reference format'],
    ['NGINX', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['docker.io/Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['quay.io/Coreos/etcd:v1', 'invalid reference format: repository name (Coreos/etcd) must be lowercase'],
    [HEX64, `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`],
    ['nginx@sha256:abc', 'invalid reference format'],
    [`nginx@sha256:${'a'.repeat(32)}`, 'invalid checksum digest length'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`${'a'.repeat(250)}/b`, 'repository name must not be more than 255 characters'],
  ])('rejects %j with %j', (input, expected) => {
    expect(parseDockerRef(input)).toEqual({ ok: false, error: expected });
  });

  it('is idempotent: a normalised reference normalises to itself', () => {
    fc.assert(
      fc.property(referenceArb, (input) => {
        const first = parseDockerRef(input);
        fc.pre(first.ok);
        if (!first.ok) return;
        const again = parseDockerRef(formatReference(first.value));
        expect(again).toEqual(first);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (input) => {
        const result = parseDockerRef(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

const component = fc.stringMatching(/^[a-z0-9]{1,8}(?:[._-][a-z0-9]{1,8})?$/);
const referenceArb = fc
  .tuple(
    fc.constantFrom('', 'docker.io/', 'quay.io/', 'localhost:5000/', 'registry.example.com:5000/', 'index.docker.io/'),
    fc.array(component, { minLength: 1, maxLength: 3 }),
    fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/), { nil: undefined }),
  )
  .map(([domain, path, tag]) => `${domain}${path.join('/')}${tag === undefined ? '' : `:${tag}`}`);
