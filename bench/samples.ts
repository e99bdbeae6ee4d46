import { publicImages, systemImages } from '../src/share/state.ts';

/** Inputs shared by the benchmarks. */
export { SEED_YAML as SEED_CONFIG } from '../src/share/state.ts';

/** About twenty images: the K3s v1.32 system images and common public ones (the playground's presets). */
export const SEED_IMAGES = [
  ...systemImages,
  ...publicImages,
  'nginx',
  'quay.io/prometheus/prometheus:v3.1.0',
  'registry.k8s.io/ingress-nginx/controller:v1.12.0',
  `nginx@sha256:${'0'.repeat(63)}1`,
  'gcr.io/distroless/static:nonroot',
  'public.ecr.aws/docker/library/redis:7',
];

/** A fleet-sized config: 50 mirrored registries, some with rewrites and TLS; the wildcard mirror comes last. */
export function largeConfig(mirrors = 50): string {
  const lines = ['configs:', '  mirror-b.example.net:5000:', '    tls:', '      ca_file: /etc/ssl/mirror-ca.pem', 'mirrors:'];
  for (let i = 0; i < mirrors; i++) {
    lines.push(`  registry${i}.example.com:`, '    endpoint:', `      - "https://mirror-a.example.net/r${i}"`, `      - "https://mirror-b.example.net:5000"`);
    if (i % 5 === 0) lines.push('    rewrite:', `      "^team${i}/(.*)": "cache/team${i}/$1"`);
  }
  lines.push('  "*":', '    endpoint:', '      - "https://catch-all.example.net"');
  return `${lines.join('\n')}\n`;
}

/** `count` images spread over the large config's registries and a few unmirrored ones. */
export function manyImages(count: number, registries = 50): string[] {
  return Array.from({ length: count }, (_, i) => {
    const registry = i % 7 === 0 ? 'docker.io' : i % 11 === 0 ? 'quay.io' : `registry${i % registries}.example.com`;
    return `${registry}/team${i % registries}/app-${i}:v${i % 13}`;
  });
}

/** A hand-written certs.d tree of `registries` directories (one mirror each, half with a server line), plus _default. */
export function certsTree(registries = 50): { dir: string; toml: string }[] {
  const files = Array.from({ length: registries }, (_, index) => ({
    dir: `registry-${index}.example.com`,
    toml: `${index % 2 === 0 ? `server = "https://registry-${index}.example.com"\n\n` : ''}[host."https://mirror-${index}.example.net"]\n  capabilities = ["pull", "resolve"]\n`,
  }));
  return [{ dir: '_default', toml: '[host."https://cache.example.net"]\n  capabilities = ["pull", "resolve"]\n' }, ...files];
}
