import { describe, expect, it } from 'vitest';
import { encodeState } from '../share/codec.ts';
import { defaultState } from '../share/state.ts';
import { dedent, readElementInput, type ElementSources } from './input.ts';

const none: ElementSources = { permalink: null, images: null, releases: null, product: null, playground: null, yaml: null, hostsToml: [], defaultPlayground: 'https://site.example/play/' };

describe('what <k3s-registry-chains> reads', () => {
  it('takes the YAML from its script child, without the indentation of the HTML around it', () => {
    const input = readElementInput({ ...none, yaml: '\n    mirrors:\n      "*":\n        endpoint: [example.com]\n  ', images: 'nginx, quay.io/a/b:1', releases: 'v1.29.3+k3s1 v1.29.4+k3s1' });
    expect(input.ok && input.value).toEqual({
      state: { ...defaultState, yaml: 'mirrors:\n  "*":\n    endpoint: [example.com]\n', images: ['nginx', 'quay.io/a/b:1'], versions: ['v1.29.3+k3s1', 'v1.29.4+k3s1'] },
      playground: 'https://site.example/play/',
    });
  });

  it('opens a permalink, and links back to the playground it came from', () => {
    const state = { ...defaultState, yaml: 'mirrors: {}\n', images: ['busybox'] };
    const input = readElementInput({ ...none, permalink: `https://other.example/pg/#${encodeState(state)}`, images: 'nginx' });
    expect(input.ok && input.value.state).toEqual({ ...state, images: ['nginx'] });
    expect(input.ok && input.value.playground).toBe('https://other.example/pg/');
  });

  it('says what is wrong instead of throwing', () => {
    expect(readElementInput({ ...none, permalink: '#v3.@@@' })).toEqual({ ok: false, message: expect.stringMatching(/^permalink: The link is damaged/) });
    expect(readElementInput({ ...none, product: 'docker' })).toMatchObject({ ok: false });
    expect(readElementInput({ ...none, releases: ' , ' })).toMatchObject({ ok: false, message: expect.stringContaining('releases') });
    // A javascript: playground is never linked to.
    const input = readElementInput({ ...none, playground: 'javascript:alert(1)' });
    expect(input.ok && input.value.playground).toBe('https://site.example/play/');
  });

  it('bounds the lists an attribute can carry', () => {
    const input = readElementInput({ ...none, images: Array.from({ length: 5_000 }, (_, index) => `i${index}`).join(',') });
    expect(input.ok && input.value.state.images.length).toBe(1_000);
  });

  it('dedents tabs and spaces alike', () => {
    expect(dedent('\t\ta: 1\n\t\tb:\n\t\t  - c\n')).toBe('a: 1\nb:\n  - c\n');
  });
});
