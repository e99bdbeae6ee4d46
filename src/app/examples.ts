import { defaultState, SEED_YAML, type NodeFlagsState } from '../share/state.ts';

export interface Example {
  id: string;
  title: string;
  /** One line on what it shows. */
  summary: string;
  yaml: string;
  flags: NodeFlagsState;
  /** Images that show the point best; the user's list is kept when absent. */
  images?: string[];
}

const noFlags: NodeFlagsState = { disableDefaultRegistryEndpoint: false, embeddedRegistry: false };

export const examples: Example[] = [
  {
    id: 'seed-11857',
    title: 'Wildcard mirror (k3s-io/k3s#11857)',
    summary: 'mirrors."*" with a placeholder endpoint: v1.32.2 never falls back to the real registries.',
    yaml: SEED_YAML,
    flags: noFlags,
    images: defaultState.images,
  },
  {
    id: 'docker-hub-mirror',
    title: 'Docker Hub pull-through mirror',
    summary: 'docker.io goes to a mirror first, then to Docker Hub; other registries are untouched.',
    yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://mirror.example.com"\n',
    flags: noFlags,
    images: ['nginx:1.27', 'rancher/klipper-lb:v0.4.9', 'quay.io/coreos/etcd:v3.6.0-rc.1'],
  },
  {
    id: 'air-gapped',
    title: 'Air-gapped: no default endpoint',
    summary: 'Every registry goes to the private registry only, with --disable-default-registry-endpoint.',
    yaml: [
      'mirrors:',
      '  docker.io:',
      '    endpoint:',
      '      - "https://registry.internal.example.com"',
      '  registry.k8s.io:',
      '    endpoint:',
      '      - "https://registry.internal.example.com"',
      '  "*":',
      '    endpoint:',
      '      - "https://registry.internal.example.com"',
      'configs:',
      '  registry.internal.example.com:',
      '    tls:',
      '      ca_file: /etc/ssl/internal-ca.pem',
      '',
    ].join('\n'),
    flags: { disableDefaultRegistryEndpoint: true, embeddedRegistry: false },
    images: ['nginx:1.27', 'registry.k8s.io/pause:3.10', 'quay.io/coreos/etcd:v3.6.0-rc.1'],
  },
  {
    id: 'rewrites',
    title: 'Rewrites into a mirror project',
    summary: 'rancher/* images are fetched from a project on the mirror; the default endpoint keeps the original name.',
    yaml: [
      'mirrors:',
      '  docker.io:',
      '    endpoint:',
      '      - "https://registry.example.com:5000"',
      '    rewrite:',
      '      "^rancher/(.*)": "mirrorproject/rancher-images/$1"',
      '',
    ].join('\n'),
    flags: noFlags,
    images: ['rancher/mirrored-pause:3.6', 'rancher/mirrored-coredns-coredns:1.12.0', 'nginx:1.27'],
  },
  {
    id: 'embedded-registry',
    title: 'Embedded registry (Spegel)',
    summary: 'With --embedded-registry, peers are tried first for every mirrored registry.',
    yaml: 'mirrors:\n  docker.io:\n  registry.k8s.io:\n  quay.io:\n',
    flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: true },
    images: ['nginx:1.27', 'registry.k8s.io/pause:3.10', 'quay.io/coreos/etcd:v3.6.0-rc.1', 'ghcr.io/fluxcd/source-controller:v1.4.1'],
  },
  {
    id: 'wildcard-plus-specific',
    title: 'Wildcard plus a specific registry',
    summary: 'docker.io has its own entry (and falls back); everything else uses the wildcard.',
    yaml: [
      'mirrors:',
      '  "*":',
      '    endpoint:',
      '      - "https://wild.example.com"',
      '  docker.io:',
      '    endpoint:',
      '      - "https://hub-mirror.example.com"',
      '',
    ].join('\n'),
    flags: noFlags,
    images: ['nginx:1.27', 'quay.io/coreos/etcd:v3.6.0-rc.1', 'ghcr.io/fluxcd/source-controller:v1.4.1'],
  },
  {
    id: 'private-tls',
    title: 'Private registry with TLS and auth',
    summary: 'A private CA and client certificate for the registry host, credentials in config.toml.',
    yaml: [
      'mirrors:',
      '  registry.example.com:',
      '    endpoint:',
      '      - "https://registry.example.com"',
      'configs:',
      '  registry.example.com:',
      '    auth:',
      '      username: deploy',
      '      password: s3cr3t',
      '    tls:',
      '      ca_file: /etc/ssl/registry-ca.pem',
      '      cert_file: /etc/ssl/client.pem',
      '      key_file: /etc/ssl/client-key.pem',
      '',
    ].join('\n'),
    flags: noFlags,
    images: ['registry.example.com/team/app:1.0', 'nginx:1.27'],
  },
  {
    id: 'localhost-registry',
    title: 'Local registry on localhost:5000',
    summary: 'Plain HTTP on an odd localhost port; TLS settings make containerd try HTTPS first.',
    yaml: [
      'mirrors:',
      '  "localhost:5000":',
      '    endpoint:',
      '      - "http://localhost:5000"',
      '  docker.io:',
      '    endpoint:',
      '      - "localhost:5000"',
      '',
    ].join('\n'),
    flags: noFlags,
    images: ['localhost:5000/app:dev', 'nginx:1.27'],
  },
  {
    id: 'rewrite-backslash',
    title: 'Trap: rewrite with a backslash',
    summary: '\\w in a rewrite makes K3s write invalid TOML; containerd ignores the file and the mirror vanishes.',
    yaml: [
      'mirrors:',
      '  docker.io:',
      '    endpoint:',
      '      - "https://mirror.example.com"',
      '    rewrite:',
      "      '^library/(\\w+)$': 'dockerhub/$1'",
      '',
    ].join('\n'),
    flags: noFlags,
    images: ['nginx:1.27', 'rancher/klipper-lb:v0.4.9'],
  },
];
