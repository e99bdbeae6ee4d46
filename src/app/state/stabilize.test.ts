import { describe, expect, it } from 'vitest';
import { resolve } from '../../resolver/index.ts';
import { stabilize } from './stabilize.ts';

const images = ['nginx', 'quay.io/coreos/etcd:v3.6.0-rc.1'];

describe('stabilize', () => {
  it('reuses the result object of images whose rows would not change', () => {
    const before = resolve({ registriesYaml: 'mirrors:\n  docker.io:\n    endpoint: [https://a.example.com]\n', images });
    const after = stabilize(before, resolve({ registriesYaml: 'mirrors:\n  docker.io:\n    endpoint: [https://b.example.com]\n', images }));
    expect(after.images[0]).not.toBe(before.images[0]);
    expect(after.images[1]).toBe(before.images[1]);
  });

  it('does not reuse a row whose YAML lines moved, so highlighting stays right', () => {
    const before = resolve({ registriesYaml: 'mirrors:\n  docker.io:\n    endpoint: [https://a.example.com]\n', images });
    const after = stabilize(before, resolve({ registriesYaml: '# moved\nmirrors:\n  docker.io:\n    endpoint: [https://a.example.com]\n', images }));
    expect(after.images[0]).not.toBe(before.images[0]);
    // The mirror key now starts after '# moved\n' (8) + 'mirrors:\n' (9) + two spaces.
    expect(after.images[0]?.versions['v1.32.3+k3s1']?.chain[0]?.sources[0]?.span.start).toBe(19);
  });

  it('returns the new result untouched when nothing can be reused', () => {
    const next = resolve({ registriesYaml: '', images });
    expect(stabilize(null, next)).toBe(next);
  });
});
