import { describe, expect, it } from 'vitest';
import { explainImage } from './explain.ts';
import { resolve } from './index.ts';

describe('why trace', () => {
  const resolution = resolve({ registriesYaml: 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n', images: ['nginx', 'localhost:5000/app'] });
  const trace = (index: number, version: string) => explainImage(resolution, resolution.images[index] ?? resolution.images[0]!, version).map((step) => step.text);

  it('walks from the name to the default-endpoint decision, per release', () => {
    const broken = trace(0, 'v1.32.2+k3s1');
    expect(broken[0]).toContain('"nginx" is pulled as docker.io/library/nginx:latest');
    expect(broken[0]).toContain('library/ added');
    expect(broken[1]).toContain('certs.d/docker.io, then certs.d/_default: it uses certs.d/_default');
    expect(broken.some((step) => step.includes('Step 1, mirror: https://example.com/v2/library/nginx/manifests/latest?ns=docker.io'))).toBe(true);
    expect(broken.at(-1)).toContain('treats an empty server as absent');
    expect(trace(0, 'v1.32.3+k3s1').at(-1)).toContain('counts a present key');
  });

  it('tries the port-safe directory first for a registry with a port', () => {
    expect(trace(1, 'v1.32.3+k3s1')[1]).toContain('certs.d/localhost_5000_, then certs.d/localhost:5000, then certs.d/_default');
  });

  it('explains why hosts.toml was ignored', () => {
    const broken = resolve({ registriesYaml: "mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      '^(\\d+)$': 'x'\n", images: ['nginx'] });
    const steps = explainImage(broken, broken.images[0]!, 'v1.32.3+k3s1').map((step) => step.text);
    expect(steps.some((step) => step.includes('cannot be decoded') && step.includes('only the default endpoint'))).toBe(true);
  });
});
