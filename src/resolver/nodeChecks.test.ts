import { describe, expect, it } from 'vitest';
import { releaseOf, resolve } from './index.ts';
import { nodeChecks } from './nodeChecks.ts';

describe('check it on the node', () => {
  const yaml = 'mirrors:\n  docker.io:\n    endpoint: ["https://harbor.example.com"]\nconfigs:\n  harbor.example.com:\n    auth:\n      username: robot\n      password: never-in-a-command\n';
  const result = resolve({ registriesYaml: yaml, images: ['nginx'], releases: ['v1.32.3+k3s1', 'v1.30.5+rke2r1', 'v1.25.16+k3s1'].map((name) => releaseOf(name)) });
  const [k3s, rke2, legacy] = result.releases.map((release) => nodeChecks(release, 'docker.io/library/nginx:latest'));

  it('gives the K3s paths, a traced pull with --hosts-dir, crictl info and the restart of servers and agents', () => {
    const text = k3s?.map((check) => `${check.command}\n${check.note}`).join('\n') ?? '';
    expect(text).toContain('cat /var/lib/rancher/k3s/agent/etc/containerd/certs.d/docker.io/hosts.toml');
    expect(text).toContain('k3s ctr -n k8s.io images pull --hosts-dir /var/lib/rancher/k3s/agent/etc/containerd/certs.d --http-trace docker.io/library/nginx:latest');
    expect(text).toContain('"mirrors" shows null');
    expect(text).toContain('sudo systemctl restart k3s-agent   # on agents');
    expect(text).toContain('put it on every node');
  });

  it('uses the RKE2 binaries, socket and services', () => {
    const text = rke2?.map((check) => check.command).join('\n') ?? '';
    expect(text).toContain('/var/lib/rancher/rke2/bin/ctr --address /run/k3s/containerd/containerd.sock');
    expect(text).toContain('systemctl restart rke2-server');
    expect(text).toContain('/etc/rancher/rke2/registries.yaml');
  });

  it('points config.toml releases at config.toml and crictl, where the mirrors show', () => {
    expect(legacy?.[0]?.command).toContain('/var/lib/rancher/k3s/agent/etc/containerd/config.toml');
    expect(legacy?.find((check) => check.title.startsWith('A traced pull'))?.command).toBe('k3s crictl pull docker.io/library/nginx:latest');
  });

  it('never carries credentials', () => {
    expect(JSON.stringify([k3s, rke2, legacy])).not.toContain('never-in-a-command');
  });
});

describe('the config.toml registry auth section', () => {
  it('is rendered per containerd config version, keyed as written, with the values hidden', () => {
    const yaml = 'configs:\n  "harbor.example.com:8443":\n    auth:\n      username: robot\n      password: hidden-value\n';
    const result = resolve({ registriesYaml: yaml, images: [], releases: ['v1.31.5+k3s1', 'v1.32.3+k3s1', 'v1.25.16+k3s1'].map((name) => releaseOf(name)) });
    const [v2, v3, legacy] = result.releases.map((release) => release.authSection);
    expect(v2).toBe('[plugins."io.containerd.grpc.v1.cri".registry.configs."harbor.example.com:8443".auth]\n  username = "<redacted>"\n  password = "<redacted>"\n');
    expect(v3).toBe('[plugins.\'io.containerd.cri.v1.images\'.registry.configs."harbor.example.com:8443".auth]\n  username = "<redacted>"\n  password = "<redacted>"\n');
    // config.toml releases show their whole registry section instead.
    expect(legacy).toBeNull();
    expect(JSON.stringify(result.releases.map((release) => release.authSection))).not.toContain('hidden-value');
  });
});
