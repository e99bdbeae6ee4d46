import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url.ts';
import { decodeState, encodeState, encodeStateAs, isStateFragment, MAX_INFLATED_BYTES } from './codec.ts';
import { DICTIONARY_V1, DICTIONARY_V2, DICTIONARY_V3 } from './dictionary.ts';
import { limits } from '../resolver/limits.ts';
import { resolve } from '../resolver/index.ts';
import { defaultState, hostConditions, noWhatIf, STATE_LIMITS, type PlaygroundState } from './state.ts';
import { availabilities } from '../resolver/simulate/pull.ts';

/**
 * Links made by released versions, frozen. They must decode to the same state forever,
 * and encoding must keep producing them (a change here is a format change: make v2).
 */
const frozenV1: { name: string; link: string; state: PlaygroundState }[] = [
  { name: 'the default state', link: 'v1.Y6hWqlSyMqwFAA', state: defaultState },
  {
    name: 'a Docker Hub mirror without default endpoint',
    link: 'v1.Q-IT72jM1KzExVANKafAeQtUaqUpWRnWAgA',
    state: {
      ...defaultState,
      yaml: 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://mirror.example.com"\n',
      images: ['nginx'],
      flags: { disableDefaultRegistryEndpoint: true, embeddedRegistry: false },
    },
  },
  {
    name: 'every field changed, with non-ASCII text',
    link: 'v1.Q-ZjhKpCNMwIbGk6lgvJz9gUYBbGiKBTsgHm9MTkktQUO0i5hxziKJLKCof35B1en3x4R8rhlQqP5kzmYqiGFInYCoEyYLGhZ6BblKxnCCwx_dw9_SKANKgUTVOyMtZRKgNpLDPUMzbSM9YGJlhDkFS5kpUSKCsWK9UCAA',
    state: {
      yaml: 'mirrors:\n  "*":\n    endpoint: [https://registry.example.com]\nconfigs:\n  registry.example.com:\n    auth:\n      username: "<redacted>"\n      password: "<redacted>"\n# ünïcødé ✓\n',
      images: ['quay.io/coreos/etcd:v3.6.0-rc.1', 'NGINX', ''],
      flags: { disableDefaultRegistryEndpoint: true, embeddedRegistry: true },
      product: 'k3s',
      versions: ['v1.32.3+k3s1'],
      view: 'hosts',
      whatIf: noWhatIf,
      certsD: [],
    },
  },
];

/** Links made by format v2 (releases and products), frozen in the same way. */
const frozenV2: { name: string; link: string; state: PlaygroundState }[] = [
  { name: 'the default state', link: 'v2.Y6hWqlSyMqwFAA', state: defaultState },
  {
    name: 'RKE2 releases with the embedded registry, timeline view',
    link: 'v2.Y6hWqlSyMtRRSlOyMtKBF6ZGlnrG0FIWWPBABExgAsAiqRxYFJdk5qbmAGskoAJ4yVwLAA',
    state: { ...defaultState, product: 'rke2', versions: ['v1.29.3+rke2r1', 'v1.29.4+rke2r1'], flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: true }, view: 'timeline' },
  },
  {
    name: 'a CA-only configs entry compared across the April 2024 fix',
    link: 'v2.wxrCSMkUnDChoY0t1OAFI7hSAuXHAt3kRHChyFANKblwGqtfkpqYC85jhnoGoIIOVpQbWeoZQwp3HSUwz0QpthYA',
    state: {
      ...defaultState,
      yaml: 'configs:\n  "registry.example.com:5000":\n    tls:\n      ca_file: /etc/ssl/certs/corp-ca.pem\n',
      versions: ['v1.29.3+k3s1', '1.29.4'],
      images: ['registry.example.com:5000/team/app:1.0'],
    },
  },
];

/** Links made by format v3 (hand-written hosts.toml files, plain containerd), frozen in the same way. */
const frozenV3: { name: string; link: string; state: PlaygroundState }[] = [
  { name: 'the default state', link: 'v3.Y6hWqlSyMqwFAA', state: defaultState },
  {
    name: 'plain containerd with three hosts.toml files',
    link: 'v3.QyuAkxOBUY2cTIFlNFFlPrEVMbqFmBmDPBuRLEQ2DJyvlLgYqrE3aYxMMRo1BnomoDIXrUUEayAgGhDmRmhNCENDE5AINlfEg1wRr6RjYhIbWwsA',
    state: {
      ...defaultState,
      yaml: '',
      product: 'containerd',
      versions: ['containerd v1.7.25', 'containerd v2.0.4'],
      certsD: [
        { dir: '_default', toml: '[host."https://cache.example.com"]\n  capabilities = ["pull", "resolve"]\n' },
        { dir: 'docker.io', toml: 'server = "https://registry-1.docker.io"\n\n[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n' },
        { dir: 'registry.example.com_5000_', toml: 'server = "http://registry.example.com:5000"\n' },
      ],
    },
  },
];

const FROZEN_V3_DICTIONARY = { length: 2043, fnv1a: '7b6bd63b' };

describe('permalink codec', () => {
  it('keeps the v1 dictionary frozen (a new dictionary is a new format version)', () => {
    let hash = 0x811c9dc5;
    for (const byte of DICTIONARY_V1) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    expect({ length: DICTIONARY_V1.length, fnv1a: hash.toString(16) }).toEqual({ length: 1334, fnv1a: '507b4c3b' });
  });

  it.each(frozenV1.map((sample) => [sample.name, sample] as const))('decodes the frozen v1 link for %s', (_name, sample) => {
    expect(decodeState(sample.link)).toEqual({ ok: true, state: sample.state, version: 'v1', notes: [] });
    expect(decodeState(`#${sample.link}`)).toMatchObject({ ok: true });
  });

  it.each(frozenV1.map((sample) => [sample.name, sample] as const))('still encodes %s to the frozen v1 link', (_name, sample) => {
    expect(encodeStateAs('v1', sample.state)).toBe(sample.link);
  });

  it('keeps the v2 dictionary frozen', () => {
    let hash = 0x811c9dc5;
    for (const byte of DICTIONARY_V2) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    expect({ length: DICTIONARY_V2.length, fnv1a: hash.toString(16) }).toEqual({ length: 1767, fnv1a: 'dd4ffbcc' });
  });

  it.each(frozenV2.map((sample) => [sample.name, sample] as const))('decodes the frozen v2 link for %s, and still encodes it', (_name, sample) => {
    expect(decodeState(sample.link)).toEqual({ ok: true, state: sample.state, version: 'v2', notes: [] });
    expect(encodeStateAs('v2', sample.state)).toBe(sample.link);
  });

  it('keeps the v3 dictionary frozen', () => {
    let hash = 0x811c9dc5;
    for (const byte of DICTIONARY_V3) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    expect({ length: DICTIONARY_V3.length, fnv1a: hash.toString(16) }).toEqual(FROZEN_V3_DICTIONARY);
  });

  it.each(frozenV3.map((sample) => [sample.name, sample] as const))('decodes the frozen v3 link for %s, and encodes new links in v3', (_name, sample) => {
    expect(decodeState(sample.link)).toEqual({ ok: true, state: sample.state, version: 'v3', notes: [] });
    expect(encodeState(sample.state)).toBe(sample.link);
  });

  it('refuses hosts.toml files and plain containerd in a v2 link', () => {
    const v2With = (meta: string) => `v2.${encodeBase64Url(deflateSync(new TextEncoder().encode(`x\u0000${meta}`), { level: 9, mem: 8, dictionary: DICTIONARY_V2 }))}`;
    expect(decodeState(v2With('{"c":[["docker.io",1]]}'))).toMatchObject({ ok: false, reason: 'invalid-state' });
    expect(decodeState(v2With('{"p":"containerd"}'))).toMatchObject({ ok: false, reason: 'invalid-state' });
  });

  it.each([
    ['lengths longer than the text', '{"c":[["docker.io",99]]}'],
    ['a negative length', '{"c":[["docker.io",-1]]}'],
    ['a directory that is a path', '{"c":[["../etc",0]]}'],
    ['the same directory twice', '{"c":[["a",0],["a",0]]}'],
    ['a length that is not a number', '{"c":[["a","1"]]}'],
  ])('refuses a v3 link with %s', (_name, meta) => {
    const link = `v3.${encodeBase64Url(deflateSync(new TextEncoder().encode(`x\u0000${meta}`), { level: 9, mem: 8, dictionary: DICTIONARY_V3 }))}`;
    expect(decodeState(link)).toMatchObject({ ok: false, reason: 'invalid-state' });
  });

  it('reads every v1 link as K3s, and refuses a product in a v1 link', () => {
    for (const sample of frozenV1) expect(decodeState(sample.link)).toMatchObject({ ok: true, state: { product: 'k3s' } });
    const v1WithProduct = `v1.${encodeBase64Url(deflateSync(new TextEncoder().encode('\u0000{"p":"rke2"}'), { level: 9, mem: 8, dictionary: DICTIONARY_V1 }))}`;
    expect(decodeState(v1WithProduct)).toMatchObject({ ok: false, reason: 'invalid-state' });
  });

  it('round-trips any state', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const decoded = decodeState(encodeState(state));
        expect(decoded).toEqual({ ok: true, state, version: 'v3', notes: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a leading byte order mark (TextDecoder drops it unless told not to)', () => {
    const state = { ...defaultState, yaml: '\uFEFFmirrors:\n' };
    expect(decodeState(encodeState(state))).toMatchObject({ ok: true, state: { yaml: '\uFEFFmirrors:\n' } });
  });

  it('encodes only what differs from the defaults', () => {
    // What the whole state would cost if every field were written out.
    const everything = (state: PlaygroundState) => encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(state)), { level: 9, dictionary: DICTIONARY_V1 })).length;
    for (const state of [defaultState, { ...defaultState, view: 'hosts' as const }, { ...defaultState, images: ['nginx'] }]) {
      expect(encodeState(state).length).toBeLessThan(everything(state) / 2);
    }
  });

  it.each([
    ['', 'empty'],
    ['#', 'empty'],
    ['v1.', 'empty'],
    ['hello', 'empty'],
    ['v7.abc', 'unknown-version'],
    ['v1.not*base64', 'not-base64url'],
    ['v1.A', 'not-base64url'],
    ['v1.AAAA', 'corrupt'],
    [`v1.${'A'.repeat(300_000)}`, 'too-long'],
  ])('rejects %j as %s', (fragment, reason) => {
    expect(decodeState(fragment)).toMatchObject({ ok: false, reason });
  });

  it('tells state links from in-page anchors', () => {
    expect(['#v1.abc', 'v1.abc', '#v9.x'].map(isStateFragment)).toEqual([true, true, true]);
    expect(['#results', '#', '', '#v1', '#version.1'].map(isStateFragment)).toEqual([false, false, false, false, false]);
  });

  it('rejects a truncated link', () => {
    const link = frozenV1[2]?.link ?? '';
    for (let cut = link.length - 1; cut > 4; cut -= 7) expect(decodeState(link.slice(0, cut)).ok, `cut at ${cut}`).toBe(false);
  });

  it('stops a deflate bomb at the size cap', () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES * 8).fill(65), { level: 9, dictionary: DICTIONARY_V1 });
    expect(decodeState(`v1.${encodeBase64Url(bomb)}`)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('rejects text that is not UTF-8', () => {
    const bytes = deflateSync(new Uint8Array([0x6d, 0xff, 0xfe, 0x0a]), { level: 9, dictionary: DICTIONARY_V1 });
    expect(decodeState(`v1.${encodeBase64Url(bytes)}`)).toMatchObject({ ok: false, reason: 'not-utf8' });
  });

  it('rejects metadata of the wrong shape', () => {
    for (const meta of ['{"f":9}', '{"w":"evil"}', '{"i":[1]}', '[]', '{"y":1}x', '{"v":"v1"}']) {
      const bytes = deflateSync(new TextEncoder().encode(`mirrors:\u0000${meta}`), { level: 9, dictionary: DICTIONARY_V1 });
      expect(decodeState(`v1.${encodeBase64Url(bytes)}`), meta).toMatchObject({ ok: false, reason: 'invalid-state' });
    }
  });

  it('caps the images and releases a link may carry, and says what was left out', () => {
    const link = encodeState({ ...defaultState, images: Array.from({ length: 5_000 }, (_, index) => `i${index}`), versions: Array.from({ length: 20 }, () => 'v1.32.2+k3s1') });
    const decoded = decodeState(link);
    expect(decoded.ok && decoded.state.images).toHaveLength(STATE_LIMITS.images);
    expect(decoded.ok && decoded.state.versions).toHaveLength(STATE_LIMITS.versions);
    expect(decoded.ok && decoded.notes).toEqual([
      'This link carried 5,000 sample images; the playground shows the first 1,000.',
      'This link compared 20 releases; the playground keeps the first 8.',
    ]);
  });

  it('decodes 10,000 random and mutated fragments to a state or a named error, never an exception', () => {
    const seeds = [...frozenV1.map((sample) => sample.link), ...frozenV2.map((sample) => sample.link), ...hostileLinks];
    fc.assert(
      fc.property(fragmentArb(seeds), (fragment) => {
        const result = decodeState(fragment);
        if (result.ok) expect(typeof result.state.yaml).toBe('string');
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('turns the hostile links (merge fan-out, rewrite blow-up, self-merge) into bounded work and a message', () => {
    for (const link of hostileLinks) {
      const decoded = decodeState(link);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      const resolution = resolve({ registriesYaml: decoded.state.yaml, images: decoded.state.images });
      expect(resolution.work.decodeSteps).toBeLessThan(2_000);
      expect(resolution.work.chainBytes).toBeLessThan(decoded.state.images.length * 2 * (limits.urlLength + 200));
      expect(resolution.diagnostics.some((found) => ['yaml-alias', 'output-cut'].includes(found.code))).toBe(true);
    }
  });
});

/** Links an attacker would send: each fits in a few hundred characters. */
const hostileLinks = [
  // Ten levels of << merges, ten aliases each: 10^10 expansions if nothing stops them.
  `a: &a {x: 1}\n${Array.from({ length: 9 }, (_, level) => `${String.fromCharCode(98 + level)}: &${String.fromCharCode(98 + level)} {<<: [${Array(10).fill(`*${String.fromCharCode(97 + level)}`).join(', ')}]}`).join('\n')}\nmirrors:\n  docker.io:\n    <<: *j\n`,
  // A rewrite replacement of 900,000 characters.
  `mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(.*)$": "${'x'.repeat(900_000)}"\n`,
  // A merge that refers to its own mapping.
  'mirrors:\n  docker.io: &a\n    endpoint: [https://m.example.com]\n    <<: *a\n',
].map((yaml) => encodeState({ ...defaultState, yaml }));

const stateArb: fc.Arbitrary<PlaygroundState> = fc.record({
  yaml: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constant(defaultState.yaml), fc.string({ unit: 'binary', maxLength: 50 })),
  images: fc.oneof(fc.constant(defaultState.images), fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 })),
  flags: fc.record({ disableDefaultRegistryEndpoint: fc.boolean(), embeddedRegistry: fc.boolean() }),
  product: fc.constantFrom('k3s', 'rke2', 'containerd'),
  certsD: fc.oneof(
    fc.constant<{ dir: string; toml: string }[]>([]),
    fc.uniqueArray(fc.record({ dir: fc.constantFrom('docker.io', '_default', 'quay.io', 'registry.example.com_5000_', 'ünï.example'), toml: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 30 })) }), { selector: (file) => file.dir, maxLength: 4 }),
  ),
  whatIf: fc.oneof(
    fc.constant(noWhatIf),
    fc.record({
      hosts: fc.dictionary(fc.string({ maxLength: 20 }), fc.constantFrom(...hostConditions)),
      lacking: fc.dictionary(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 })),
      endpoints: fc.dictionary(fc.string({ maxLength: 40 }), fc.constantFrom(...availabilities)),
      placeholdersUp: fc.boolean(),
    }),
  ),
  versions: fc.oneof(fc.constant(defaultState.versions), fc.array(fc.constantFrom('v1.32.2+k3s1', 'v1.32.3+k3s1', 'v9', '1.29.3', 'v1.30.5+rke2r1'), { maxLength: 3 })),
  view: fc.constantFrom('chains', 'hosts', 'timeline'),
});

/** Random text, random base64url after "v1.", and real links with bytes flipped, cut or inserted. */
function fragmentArb(seeds: string[]): fc.Arbitrary<string> {
  const base64 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 200 });
  const mutated = fc
    .tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.constantFrom('flip', 'cut', 'insert', 'delete'), fc.string({ maxLength: 3 }))
    .map(([seed, at, other, how, text]) => {
      const position = 3 + (at % Math.max(1, seed.length - 3));
      switch (how) {
        case 'flip':
          return seed.slice(0, position) + String.fromCharCode(((seed.charCodeAt(position) + (other % 60) + 1) % 94) + 33) + seed.slice(position + 1);
        case 'cut':
          return seed.slice(0, position);
        case 'insert':
          return seed.slice(0, position) + text + seed.slice(position);
        default:
          return seed.slice(0, position) + seed.slice(position + 1 + (other % 5));
      }
    });
  return fc.oneof(fc.string({ maxLength: 100 }), base64.map((payload) => `v1.${payload}`), mutated, fc.string({ unit: 'binary', maxLength: 60 }));
}
