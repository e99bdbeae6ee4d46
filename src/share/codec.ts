import { deflateSync, Inflate } from 'fflate';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { DICTIONARY_V1, DICTIONARY_V2, DICTIONARY_V3 } from './dictionary.ts';
import { limitState, noWhatIf, parseState, views, type PlaygroundState, type ViewId, type WhatIf } from './state.ts';

/**
 * Permalink codec: the whole state in the URL fragment, `#v3.<payload>`.
 * Each released format is one entry in `formats` and decodes forever; a new format is a
 * new entry with a new prefix, never an edit to an old one (see the frozen links in
 * codec.test.ts). Incoming links are untrusted: every field is checked, sizes are capped,
 * and every failure is a named reason, never an exception.
 */
export type DecodeFailure = 'empty' | 'unknown-version' | 'too-long' | 'not-base64url' | 'corrupt' | 'too-large' | 'not-utf8' | 'invalid-state';

export type DecodeResult =
  | {
      ok: true;
      state: PlaygroundState;
      version: string;
      /** What the link carried beyond STATE_LIMITS and was left out, in words. */
      notes: string[];
    }
  | { ok: false; reason: DecodeFailure; message: string };

/** Longest fragment accepted: well above any real link, far below what could hang a page. */
export const MAX_FRAGMENT_LENGTH = 200_000;
/** Largest decompressed state accepted (a deflate bomb stops here). */
export const MAX_INFLATED_BYTES = 1_000_000;

export const failureMessages: Record<DecodeFailure, string> = {
  empty: 'The link has no playground state in it.',
  'unknown-version': 'The link was made by a newer or unknown version of the playground.',
  'too-long': 'The link is too long to be a playground link.',
  'not-base64url': 'The link is damaged: it contains characters a playground link never has (was it cut or edited?).',
  corrupt: 'The link is damaged or cut short: its data does not decompress.',
  'too-large': 'The link expands to more data than the playground accepts.',
  'not-utf8': 'The link is damaged: its text is not valid UTF-8.',
  'invalid-state': 'The link decodes, but not to a playground state.',
};

interface Format {
  encode(state: PlaygroundState): string;
  decode(payload: string): DecodeResult;
}

/** v1 field defaults, frozen with the format: a link means the same thing forever. */
const V1_DEFAULTS: PlaygroundState = {
  yaml: 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n',
  images: ['nginx:1.27', 'rancher/mirrored-pause:3.6', 'quay.io/coreos/etcd:v3.6.0-rc.1', 'registry.k8s.io/pause:3.10', 'localhost:5000/app:dev'],
  flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: false },
  product: 'k3s',
  versions: ['v1.32.2+k3s1', 'v1.32.3+k3s1'],
  view: 'chains',
  whatIf: noWhatIf,
  certsD: [],
};

/** v2 defaults: v1's, frozen separately so the two never drift together. */
const V2_DEFAULTS: PlaygroundState = { ...V1_DEFAULTS, images: [...V1_DEFAULTS.images], versions: [...V1_DEFAULTS.versions] };
/** v3 defaults: v2's, frozen separately. */
const V3_DEFAULTS: PlaygroundState = { ...V2_DEFAULTS, images: [...V2_DEFAULTS.images], versions: [...V2_DEFAULTS.versions] };

/** What a format's metadata can say beyond v1's fields. */
interface Features {
  /** `p`, from this list of products. */
  products: readonly string[];
  /** `a`: the what-if answers. */
  whatIf: boolean;
  /** `c`: hand-written hosts.toml files. */
  certsD: boolean;
}

/**
 * Metadata: only the fields that differ from the format's defaults. v1 has no product (its links
 * are K3s) and no what-if; v2 adds `p`, and `a` (optional, so v2 links made before it decode alike);
 * v3 adds `c` and the plain containerd product.
 */
interface Meta {
  /** 1 when the YAML is the default (and the YAML part is empty). */
  y?: 1;
  i?: string[];
  /** Flags as bits: 1 disable-default-registry-endpoint, 2 embedded-registry. */
  f?: number;
  v?: string[];
  w?: ViewId;
  p?: PlaygroundState['product'];
  /** What-if answers: h hosts, l images a host lacks, e per-endpoint answers, u 1 when placeholders are up. */
  a?: { h?: WhatIf['hosts']; l?: WhatIf['lacking']; e?: WhatIf['endpoints']; u?: 1 };
  /**
   * hosts.toml files: [directory, length] in order. Their texts follow the YAML before the separator,
   * raw (so they compress as text, not as JSON escapes), and the lengths split them apart.
   */
  c?: [string, number][];
}

/** Separates the YAML from the metadata (a NUL: JSON escapes it, so it is never inside the metadata). */
const META_SEPARATOR = '\u0000';

/**
 * The shared layout of v1 and v2: deflate(yaml + NUL + JSON metadata) with a preset dictionary,
 * in base64url. Formats differ in dictionary, defaults and the metadata they know.
 */
function metaFormat(name: string, dictionary: Uint8Array, defaults: PlaygroundState, features: Features): Format {
  return {
    encode(state) {
      const meta: Meta = {};
      const sameYaml = state.yaml === defaults.yaml;
      if (sameYaml) meta.y = 1;
      if (!sameArray(state.images, defaults.images)) meta.i = state.images;
      const bits = (state.flags.disableDefaultRegistryEndpoint ? 1 : 0) | (state.flags.embeddedRegistry ? 2 : 0);
      if (bits !== 0) meta.f = bits;
      if (!sameArray(state.versions, defaults.versions)) meta.v = state.versions;
      if (state.view !== defaults.view) meta.w = state.view;
      if (features.products.length > 0 && state.product !== defaults.product) meta.p = state.product;
      if (features.whatIf) {
        const answers = whatIfMeta(state.whatIf);
        if (answers !== null) meta.a = answers;
      }
      const files = features.certsD ? state.certsD : [];
      if (files.length > 0) meta.c = files.map((file) => [file.dir, file.toml.length]);
      // JSON never holds a raw NUL, so the last NUL is the separator; a text that holds one always gets metadata.
      const texts = (sameYaml ? '' : state.yaml) + files.map((file) => file.toml).join('');
      const needsMeta = Object.keys(meta).length > 0 || texts.includes(META_SEPARATOR);
      const metaText = needsMeta ? META_SEPARATOR + JSON.stringify(meta) : '';
      const text = texts + metaText;
      return encodeBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9, mem: 8, dictionary }));
    },
    decode(payload) {
      const bytes = decodeBase64Url(payload);
      if (bytes === null) return failure('not-base64url');
      const inflated = inflateCapped(bytes, dictionary);
      if (!inflated.ok) return failure(inflated.reason);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated.bytes);
      } catch {
        return failure('not-utf8');
      }
      const separator = text.lastIndexOf(META_SEPARATOR);
      const yamlPart = separator < 0 ? text : text.slice(0, separator);
      let meta: unknown = {};
      if (separator >= 0) {
        try {
          meta = JSON.parse(text.slice(separator + 1));
        } catch {
          return failure('invalid-state');
        }
      }
      const state = stateFrom(yamlPart, meta, defaults, features);
      if (state === null) return failure('invalid-state');
      const limited = limitState(state);
      return { ok: true, state: limited.state, version: name, notes: limited.notes };
    },
  };
}

function stateFrom(textPart: string, meta: unknown, defaults: PlaygroundState, features: Features): PlaygroundState | null {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return null;
  const { y, i, f, v, w, p, a, c } = meta as Record<string, unknown>;
  if (a !== undefined && (!features.whatIf || typeof a !== 'object' || a === null || Array.isArray(a))) return null;
  if (c !== undefined && !features.certsD) return null;
  const split = splitTexts(textPart, c);
  if (split === null) return null;
  const { yamlPart, certsD } = split;
  const answers = (a ?? {}) as Record<string, unknown>;
  if (answers.u !== undefined && answers.u !== 1) return null;
  if (y !== undefined && y !== 1) return null;
  if (y === 1 && yamlPart !== '') return null;
  if (f !== undefined && (typeof f !== 'number' || !Number.isInteger(f) || f < 0 || f > 3)) return null;
  if (w !== undefined && !(views as readonly unknown[]).includes(w)) return null;
  if (p !== undefined && !features.products.includes(p as string)) return null;
  const bits = typeof f === 'number' ? f : 0;
  return parseState({
    yaml: y === 1 ? defaults.yaml : yamlPart,
    images: i ?? defaults.images,
    flags: { disableDefaultRegistryEndpoint: (bits & 1) !== 0, embeddedRegistry: (bits & 2) !== 0 },
    product: p ?? defaults.product,
    versions: v ?? defaults.versions,
    view: w ?? defaults.view,
    whatIf: { hosts: answers.h ?? {}, lacking: answers.l ?? {}, endpoints: answers.e ?? {}, placeholdersUp: answers.u === 1 },
    certsD,
  });
}

/** Splits the text before the separator into the YAML and the hosts.toml files `c` measures; null when they do not add up. */
function splitTexts(text: string, c: unknown): { yamlPart: string; certsD: { dir: string; toml: string }[] } | null {
  if (c === undefined) return { yamlPart: text, certsD: [] };
  if (!Array.isArray(c)) return null;
  const entries: [string, number][] = [];
  let total = 0;
  for (const entry of c) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [dir, length] = entry as unknown[];
    if (typeof dir !== 'string' || typeof length !== 'number' || !Number.isInteger(length) || length < 0) return null;
    total += length;
    entries.push([dir, length]);
  }
  if (total > text.length) return null;
  let offset = text.length - total;
  const yamlPart = text.slice(0, offset);
  const certsD = entries.map(([dir, length]) => {
    const toml = text.slice(offset, offset + length);
    offset += length;
    return { dir, toml };
  });
  return { yamlPart, certsD };
}

/** The what-if answers that differ from none, or null. */
function whatIfMeta(whatIf: WhatIf): Meta['a'] | null {
  const answers: NonNullable<Meta['a']> = {};
  if (Object.keys(whatIf.hosts).length > 0) answers.h = whatIf.hosts;
  if (Object.keys(whatIf.lacking).length > 0) answers.l = whatIf.lacking;
  if (Object.keys(whatIf.endpoints).length > 0) answers.e = whatIf.endpoints;
  if (whatIf.placeholdersUp) answers.u = 1;
  return Object.keys(answers).length > 0 ? answers : null;
}

const v1 = metaFormat('v1', DICTIONARY_V1, V1_DEFAULTS, { products: [], whatIf: false, certsD: false });
const v2 = metaFormat('v2', DICTIONARY_V2, V2_DEFAULTS, { products: ['k3s', 'rke2'], whatIf: true, certsD: false });
const v3 = metaFormat('v3', DICTIONARY_V3, V3_DEFAULTS, { products: ['k3s', 'rke2', 'containerd'], whatIf: true, certsD: true });

/** Released formats by prefix. The current one is used for new links. */
const formats: Record<string, Format> = { v1, v2, v3 };
const CURRENT = 'v3';

export { isStateFragment } from './fragment.ts';

/** The fragment (without "#") for a state, e.g. `v2.3Y6…`. */
export function encodeState(state: PlaygroundState): string {
  return encodeStateAs(CURRENT, state);
}

/** The fragment in a given released format (tests keep old formats' encoders honest). */
export function encodeStateAs(version: string, state: PlaygroundState): string {
  const format = Object.hasOwn(formats, version) ? formats[version] : undefined;
  if (format === undefined) throw new Error(`no link format ${version}`);
  return `${version}.${format.encode(state)}`;
}

/** Decodes a fragment (with or without "#"). Never throws, never hangs. */
export function decodeState(fragment: string): DecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length === 0) return failure('empty');
  if (text.length > MAX_FRAGMENT_LENGTH) return failure('too-long');
  const dot = text.indexOf('.');
  const version = dot < 0 ? text : text.slice(0, dot);
  const format = Object.hasOwn(formats, version) ? formats[version] : undefined;
  if (format === undefined || dot < 0) return failure(/^v\d+$/.test(version) ? 'unknown-version' : 'empty');
  const payload = text.slice(dot + 1);
  if (payload === '') return failure('empty');
  try {
    return format.decode(payload);
  } catch {
    // Library quirks on hostile input end here as "corrupt", not as a crash.
    return failure('corrupt');
  }
}

/** Inflates in small slices so a deflate bomb is stopped at the cap instead of filling memory. */
function inflateCapped(bytes: Uint8Array, dictionary: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; reason: 'corrupt' | 'too-large' } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  let tooLarge = false;
  const inflate = new Inflate({ dictionary }, (chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) tooLarge = true;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    const SLICE = 256;
    for (let offset = 0; offset < bytes.length && !tooLarge; offset += SLICE) {
      const end = Math.min(offset + SLICE, bytes.length);
      inflate.push(bytes.subarray(offset, end), end === bytes.length);
    }
    if (bytes.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (tooLarge) return { ok: false, reason: 'too-large' };
  if (!finished) return { ok: false, reason: 'corrupt' };
  const out = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    out.set(chunk, position);
    position += chunk.length;
  }
  return { ok: true, bytes: out };
}

function failure(reason: DecodeFailure): DecodeResult {
  return { ok: false, reason, message: failureMessages[reason] };
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
