import { describe, expect, it } from 'vitest';
import { splitPastedTree } from './pasteTree.ts';

describe('pasting several hosts.toml files', () => {
  it('splits the output of head over certs.d/*/hosts.toml', () => {
    const text = '==> /etc/containerd/certs.d/_default/hosts.toml <==\n[host."https://m.example.com"]\n\n==> /etc/containerd/certs.d/docker.io/hosts.toml <==\nserver = "https://registry-1.docker.io"\n';
    expect(splitPastedTree(text)).toEqual([
      { dir: '_default', toml: '[host."https://m.example.com"]\n' },
      { dir: 'docker.io', toml: 'server = "https://registry-1.docker.io"\n' },
    ]);
  });

  it('gathers grep -r lines per file', () => {
    const text = 'certs.d/docker.io/hosts.toml:server = "https://registry-1.docker.io"\ncerts.d/quay.io/hosts.toml:[host."https://q.example.com"]\ncerts.d/docker.io/hosts.toml:[host."https://d.example.com"]\n';
    expect(splitPastedTree(text)).toEqual([
      { dir: 'docker.io', toml: 'server = "https://registry-1.docker.io"\n[host."https://d.example.com"]\n' },
      { dir: 'quay.io', toml: '[host."https://q.example.com"]\n' },
    ]);
  });

  it('takes a comment naming each file, and leaves one file as one file', () => {
    expect(splitPastedTree('# certs.d/ghcr.io/hosts.toml\nserver = "https://ghcr.io"\n# /etc/containerd/certs.d/_default/hosts.toml\n')).toEqual([
      { dir: 'ghcr.io', toml: 'server = "https://ghcr.io"\n' },
      { dir: '_default', toml: '' },
    ]);
    expect(splitPastedTree('server = "https://ghcr.io"\n')).toBeNull();
  });
});
