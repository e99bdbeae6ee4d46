/**
 * The preset deflate dictionary of link format v1: registries.yaml vocabulary, so that
 * even a short file compresses well. FROZEN: links made with it must decode forever.
 * A better dictionary means a new format version (v2), never an edit here.
 * Deflate prefers near matches, so the most common phrases come last.
 */
const V1_PHRASES = [
  // Rarely used fields and values.
  'auths:\n',
  '    auth:\n      auth: ',
  '      identity_token: ',
  '      key_file: /etc/ssl/',
  '      cert_file: /etc/ssl/',
  '/etc/rancher/k3s/',
  '.pem\n',
  '.crt\n',
  '.key\n',
  '"^(.*)$": "',
  '"(.*)": "',
  '"^library/(.*)": "',
  '"^rancher/(.*)": "',
  '/$1"\n',
  '    rewrite:\n      ',
  // Image names: K3s system images and common registries.
  '"],"i":["',
  '","docker.io/rancher/',
  'docker.io/library/',
  '-build2024',
  'rancher/mirrored-coredns-coredns:',
  'rancher/local-path-provisioner:',
  'rancher/mirrored-metrics-server:',
  'rancher/klipper-helm:',
  'rancher/mirrored-library-traefik:',
  'rancher/klipper-lb:',
  'rancher/mirrored-pause:3.6',
  'registry.k8s.io/pause:3.10',
  'quay.io/coreos/etcd:',
  'ghcr.io/',
  'gcr.io/',
  'public.ecr.aws/',
  'nginx:latest',
  'nginx:1.27',
  'library/busybox:',
  'localhost:5000/app:dev',
  // Hosts and endpoints.
  '192.168.',
  '.local',
  '.internal',
  '.example.com',
  'example.com',
  'registry.example.com',
  'mirror.example.com',
  'localhost:5000',
  ':5000',
  ':443',
  '/v2',
  'registry-1.docker.io',
  'registry.k8s.io',
  'quay.io',
  'harbor.',
  'registry.',
  'mirror.',
  // Structure, most common last.
  '    # this is the registry username\n',
  '    # this is the registry password\n',
  '# /etc/rancher/k3s/registries.yaml\n',
  'https://docs.k3s.io/installation/private-registry',
  '  "docker.io":\n    endpoint:\n      - "https://',
  'configs:\n  "registry.',
  '  "*":\n    endpoint:\n      - "',
  '      insecure_skip_verify: true\n',
  '    tls:\n      ca_file: ',
  '    tls:\n',
  '      password: ',
  '    auth:\n      username: ',
  'configs:\n  "',
  'configs:\n  ',
  '  docker.io:\n    endpoint:\n      - "https://',
  '    endpoint:\n      - "http://',
  '    endpoint:\n      - "https://',
  '    endpoint:\n      - ',
  '      - "https://',
  'mirrors:\n  "',
  'mirrors:\n  ',
  '":\n',
  '"\n',
];

export const DICTIONARY_V1: Uint8Array = encodeUtf8(V1_PHRASES.join(''));

function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
