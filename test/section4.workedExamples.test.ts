import { describe, expect, it } from 'vitest';
import { resolve } from '../src/resolver/index.ts';
import { testEmbeddedRegistry } from './specFixtures.ts';

/**
 * The worked examples of spec §4, transcribed row by row (the spec abbreviates repeated
 * URLs with "(same)" and "…"; they are written out here). M = mirror or embedded, D = default.
 */
const SEED = 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n';
const WILD_AND_HUB = 'mirrors:\n  "*":\n    endpoint: [https://wild.example.com]\n  docker.io:\n    endpoint: [https://hub-mirror.example.com]\n';
const REPORTER = 'mirrors:\n  "*":\n    endpoint: [http://localhost:5000]\nconfigs:\n  docker.io:\n  quay.io:\n  "*":\n    tls:\n      insecure_skip_verify: true\n';
const D1 = '0'.repeat(63) + '1';
const D2 = '0'.repeat(63) + '2';
const HUB = (path: string) => `https://registry-1.docker.io/v2/${path}`;

interface Row {
  row: number;
  yaml: string;
  flags?: { disable?: boolean; embedded?: boolean };
  image: string;
  v2: string[];
  /** v1.32.3's chain; omitted when it equals v1.32.2's. */
  v3?: string[];
}

const rows: Row[] = [
  { row: 1, yaml: '', image: 'nginx', v2: [HUB('library/nginx/manifests/latest')] },
  {
    row: 2,
    yaml: 'mirrors: {docker.io: {endpoint: [https://mirror.example.com]}}',
    image: 'nginx',
    v2: ['https://mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')],
  },
  { row: 3, yaml: SEED, image: 'nginx', v2: ['https://example.com/v2/library/nginx/manifests/latest?ns=docker.io'], v3: ['https://example.com/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')] },
  {
    row: 4,
    yaml: SEED,
    image: 'quay.io/coreos/etcd:v3.6.0-rc.1',
    v2: ['https://example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io'],
    v3: ['https://example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io', 'https://quay.io/v2/coreos/etcd/manifests/v3.6.0-rc.1'],
  },
  {
    row: 5,
    yaml: SEED,
    image: 'registry.k8s.io/pause:3.10',
    v2: ['https://example.com/v2/pause/manifests/3.10?ns=registry.k8s.io'],
    v3: ['https://example.com/v2/pause/manifests/3.10?ns=registry.k8s.io', 'https://registry.k8s.io/v2/pause/manifests/3.10'],
  },
  {
    row: 6,
    yaml: SEED,
    image: 'localhost:5000/app:dev',
    v2: ['https://example.com/v2/app/manifests/dev?ns=localhost%3A5000'],
    v3: ['https://example.com/v2/app/manifests/dev?ns=localhost%3A5000', 'https://localhost:5000/v2/app/manifests/dev'],
  },
  { row: 7, yaml: SEED, image: 'example.com/team/app:1', v2: ['https://example.com/v2/team/app/manifests/1'], v3: ['https://example.com/v2/team/app/manifests/1', 'https://example.com/v2/team/app/manifests/1'] },
  { row: 8, yaml: 'mirrors:\n  "*":\n', image: 'nginx', v2: [HUB('library/nginx/manifests/latest')] },
  {
    row: 9,
    yaml: 'mirrors:\n  "*":\n',
    flags: { embedded: true },
    image: 'quay.io/coreos/etcd:v3.6.0-rc.1',
    v2: ['https://127.0.0.1:6443/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io'],
    v3: ['https://127.0.0.1:6443/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io', 'https://quay.io/v2/coreos/etcd/manifests/v3.6.0-rc.1'],
  },
  { row: 10, yaml: WILD_AND_HUB, image: 'nginx', v2: ['https://hub-mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')] },
  {
    row: 11,
    yaml: WILD_AND_HUB,
    image: 'quay.io/coreos/etcd:v3.6.0-rc.1',
    v2: ['https://wild.example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io'],
    v3: ['https://wild.example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io', 'https://quay.io/v2/coreos/etcd/manifests/v3.6.0-rc.1'],
  },
  { row: 12, yaml: WILD_AND_HUB, flags: { disable: true }, image: 'nginx', v2: ['https://hub-mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io'] },
  { row: 12, yaml: WILD_AND_HUB, flags: { disable: true }, image: 'quay.io/coreos/etcd:v3.6.0-rc.1', v2: ['https://wild.example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io'] },
  {
    row: 13,
    yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://registry.example.com:5000]\n    rewrite:\n      "^rancher/(.*)": "mirrorproject/rancher-images/$1"\n',
    image: 'rancher/mirrored-pause:3.6',
    v2: ['https://registry.example.com:5000/v2/mirrorproject/rancher-images/mirrored-pause/manifests/3.6?ns=docker.io', HUB('rancher/mirrored-pause/manifests/3.6')],
  },
  {
    row: 14,
    yaml: 'mirrors:\n  "*":\n    endpoint: [https://registry.example.com:5000]\n    rewrite:\n      "^(.*)$": "cache/$1"\n',
    image: 'nginx',
    v2: ['https://registry.example.com:5000/v2/cache/library/nginx/manifests/latest?ns=docker.io'],
    v3: ['https://registry.example.com:5000/v2/cache/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')],
  },
  {
    row: 15,
    yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - https://registry.example.com/prefix/v2\n      - https://registry.example.com/project/registry\n      - https://registry.example.com/v2\n      - registry.example.org/\n',
    image: 'nginx',
    v2: [
      'https://registry.example.com/prefix/v2/library/nginx/manifests/latest?ns=docker.io',
      'https://registry.example.com/project/registry/library/nginx/manifests/latest?ns=docker.io',
      'https://registry.example.com/v2/library/nginx/manifests/latest?ns=docker.io',
      'https://registry.example.org/v2/library/nginx/manifests/latest?ns=docker.io',
      HUB('library/nginx/manifests/latest'),
    ],
  },
  { row: 16, yaml: 'mirrors:\n  docker.io:\n    endpoint: [http://registry.example.com:5000]\n', image: 'nginx', v2: ['http://registry.example.com:5000/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')] },
  {
    row: 17,
    yaml: 'mirrors:\n  docker.io:\n    endpoint: [http://registry.example.com:5000]\nconfigs:\n  "registry.example.com:5000":\n    tls:\n      insecure_skip_verify: true\n',
    image: 'nginx',
    v2: ['https://registry.example.com:5000/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')],
  },
  {
    row: 18,
    yaml: 'mirrors:\n  localhost:5000:\n    endpoint: [https://localhost:5000]\nconfigs:\n  localhost:5000:\n    tls:\n      insecure_skip_verify: true\n',
    image: 'localhost:5000/app:dev',
    v2: ['https://localhost:5000/v2/app/manifests/dev', 'https://localhost:5000/v2/app/manifests/dev'],
  },
  {
    row: 19,
    yaml: 'mirrors:\n  registry.example.com:5000:\n    endpoint: [https://mirror.example.com]\n',
    image: 'registry.example.com:5000/team/app:1.0',
    v2: ['https://mirror.example.com/v2/team/app/manifests/1.0?ns=registry.example.com%3A5000', 'https://registry.example.com:5000/v2/team/app/manifests/1.0'],
  },
  { row: 20, yaml: 'mirrors:\n  registry.example.com:5000:\n    endpoint: [https://mirror.example.com]\n', image: 'registry.example.com/team/app:1.0', v2: ['https://registry.example.com/v2/team/app/manifests/1.0'] },
  {
    row: 21,
    yaml: SEED,
    image: `nginx@sha256:${D1}`,
    v2: [`https://example.com/v2/library/nginx/manifests/sha256:${D1}?ns=docker.io`],
    v3: [`https://example.com/v2/library/nginx/manifests/sha256:${D1}?ns=docker.io`, HUB(`library/nginx/manifests/sha256:${D1}`)],
  },
  {
    row: 22,
    yaml: SEED,
    image: `quay.io/coreos/etcd:v3.6.0@sha256:${D2}`,
    v2: [`https://example.com/v2/coreos/etcd/manifests/sha256:${D2}?ns=quay.io`],
    v3: [`https://example.com/v2/coreos/etcd/manifests/sha256:${D2}?ns=quay.io`, `https://quay.io/v2/coreos/etcd/manifests/sha256:${D2}`],
  },
  { row: 23, yaml: 'mirrors:\n  docker.io:\n  registry.k8s.io:\n', flags: { embedded: true }, image: 'nginx', v2: ['https://127.0.0.1:6443/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')] },
  {
    row: 24,
    yaml: 'mirrors:\n  "*":\n    endpoint: [https://registry.example.com]\n',
    flags: { embedded: true },
    image: 'nginx',
    v2: ['https://127.0.0.1:6443/v2/library/nginx/manifests/latest?ns=docker.io', 'https://registry.example.com/v2/library/nginx/manifests/latest?ns=docker.io'],
    v3: ['https://127.0.0.1:6443/v2/library/nginx/manifests/latest?ns=docker.io', 'https://registry.example.com/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')],
  },
  { row: 25, yaml: REPORTER, image: 'ghcr.io/foo/bar:1', v2: ['http://localhost:5000/v2/foo/bar/manifests/1?ns=ghcr.io'], v3: ['http://localhost:5000/v2/foo/bar/manifests/1?ns=ghcr.io', 'https://ghcr.io/v2/foo/bar/manifests/1'] },
  { row: 26, yaml: 'configs:\n  "*":\n    tls:\n      insecure_skip_verify: true\n', image: 'ghcr.io/foo/bar:1', v2: ['https://ghcr.io/v2/foo/bar/manifests/1'] },
  {
    row: 27,
    yaml: "mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\n    rewrite:\n      '^library/(\\w+)$': 'dockerhub/$1'\n",
    image: 'nginx',
    v2: [HUB('library/nginx/manifests/latest')],
  },
  {
    row: 28,
    yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\nconfigs:\n  docker.io:\n    auth:\n      username: u\n      password: p\n',
    flags: { disable: true },
    image: 'nginx',
    v2: ['https://mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io', HUB('library/nginx/manifests/latest')],
  },
];

function chains(row: Row) {
  const resolution = resolve({
    registriesYaml: row.yaml,
    images: [row.image],
    disableDefaultRegistryEndpoint: row.flags?.disable ?? false,
    embeddedRegistry: row.flags?.embedded === true ? testEmbeddedRegistry : null,
  });
  const image = resolution.images[0];
  return {
    resolution,
    v2: image?.versions['v1.32.2+k3s1']?.chain ?? [],
    v3: image?.versions['v1.32.3+k3s1']?.chain ?? [],
  };
}

describe('worked examples (spec §4)', () => {
  it.each(rows.map((row) => [row.row, row.image, row] as const))('row %i: %s', (_row, _image, row) => {
    const { v2, v3 } = chains(row);
    expect(v2.map((endpoint) => endpoint.url)).toEqual(row.v2);
    expect(v3.map((endpoint) => endpoint.url)).toEqual(row.v3 ?? row.v2);
  });

  it('marks the last step of every chain as the default endpoint, and only when v1.32.x falls back', () => {
    const { v2, v3 } = chains(rows[2] as Row);
    expect(v2.map((endpoint) => endpoint.kind)).toEqual(['mirror']);
    expect(v3.map((endpoint) => endpoint.kind)).toEqual(['mirror', 'default']);
  });

  it('row 6: the localhost default is tried over HTTPS with skip-verify, then plain HTTP', () => {
    const { v3 } = chains(rows[5] as Row);
    expect(v3[1]?.httpFallback).toBe(true);
    expect(v3[1]?.host.skipVerify).toBe(true);
  });

  it('row 13: only the mirror is rewritten, never the default endpoint', () => {
    const { v2 } = chains(rows.find((row) => row.row === 13) as Row);
    expect(v2.map((endpoint) => endpoint.repository)).toEqual(['mirrorproject/rancher-images/mirrored-pause', 'rancher/mirrored-pause']);
  });

  it('row 17: an http mirror with TLS settings gets the HTTPS-then-HTTP fallback', () => {
    const { v2 } = chains(rows.find((row) => row.row === 17) as Row);
    expect(v2[0]?.httpFallback).toBe(true);
    expect(chains(rows.find((row) => row.row === 16) as Row).v2[0]?.httpFallback).toBe(false);
  });

  it('row 25: the wildcard config TLS is dropped, so the v1.32.3 default has no skip-verify', () => {
    const { v3 } = chains(rows.find((row) => row.row === 25) as Row);
    expect(v3[1]?.host.skipVerify).toBeNull();
  });

  it('row 26: a wildcard config alone keeps its skip-verify on the default endpoint', () => {
    const { v2 } = chains(rows.find((row) => row.row === 26) as Row);
    expect(v2[0]?.host.skipVerify).toBe(true);
  });

  it('row 27: a rewrite with a backslash makes containerd ignore the whole file', () => {
    const { resolution } = chains(rows.find((row) => row.row === 27) as Row);
    expect(resolution.images[0]?.versions['v1.32.3+k3s1']?.decodeError).toMatch(/invalid escaped character U\+0077 'w'/);
    expect(resolution.diagnostics.map((found) => found.code)).toContain('rewrite-breaks-toml');
  });
});
