import { Gunzip } from 'fflate';
import { directoryNameProblem } from '../resolver/containerd/hostDir.ts';
import type { CertsFile } from './state.ts';

/**
 * certs.d trees as tar archives, both ways: what `tar -czf certs.tgz -C /etc/containerd certs.d`
 * makes, and what `tar -xf` on a node puts back. An archive is untrusted input: headers, sizes
 * and the expanded size are bounded, and nothing here throws.
 */

const BLOCK = 512;
/** Limits for an archive from a drop: far above any real certs.d, far below what could hang a page. */
export const TAR_LIMITS = { expandedBytes: 8_000_000, entries: 10_000, fileBytes: 256_000, files: 200 } as const;

export type TarReading = { ok: true; files: CertsFile[]; notes: string[] } | { ok: false; error: string };

/** The hosts.toml files of a certs.d tree in a tar (or .tar.gz). Directories holding only certificates count, with no text. */
export function certsFromTar(bytes: Uint8Array): TarReading {
  const expanded = isGzip(bytes) ? gunzipCapped(bytes) : bytes.length > TAR_LIMITS.expandedBytes ? null : bytes;
  if (expanded === 'damaged') return { ok: false, error: 'The archive is gzip-compressed but damaged: it does not decompress.' };
  if (expanded === null) return { ok: false, error: `The archive expands to more than ${TAR_LIMITS.expandedBytes.toLocaleString('en-US')} bytes; a certs.d tree is far smaller.` };
  const entries = readEntries(expanded);
  if (!entries.ok) return entries;
  const texts = new Map<string, string>();
  const notes: string[] = [];
  const placed = placeInCertsD(entries.entries.map((entry) => entry.path));
  entries.entries.forEach((entry, index) => {
    const place = placed[index];
    if (place === null || place === undefined) return;
    const { dir } = place;
    if (!texts.has(dir)) texts.set(dir, '');
    if (!place.isHostsToml || entry.type !== 'file') return;
    if (entry.data.length > TAR_LIMITS.fileBytes) {
      notes.push(`${dir}/hosts.toml is ${entry.data.length.toLocaleString('en-US')} bytes; it was left empty.`);
      return;
    }
    const text = decodeUtf8(entry.data);
    if (text === null) notes.push(`${dir}/hosts.toml is not UTF-8 text; it was left empty.`);
    else texts.set(dir, text);
  });
  if (texts.size === 0) return { ok: false, error: 'The archive holds no <registry>/hosts.toml (a certs.d tree: certs.d/docker.io/hosts.toml, …).' };
  if (texts.size > TAR_LIMITS.files) notes.push(`The archive has ${texts.size} directories; the first ${TAR_LIMITS.files} were read.`);
  return { ok: true, files: [...texts].slice(0, TAR_LIMITS.files).map(([dir, toml]) => ({ dir, toml })), notes };
}

/**
 * Where each path of a dropped folder or an archive sits in a certs.d tree: `…/certs.d/<dir>/<file>`,
 * or `<dir>/<file>` when certs.d's contents were taken without it; null for anything else. A tree
 * from above certs.d (`etc/containerd/…`) counts only under certs.d.
 */
export function placeInCertsD(paths: readonly string[]): ({ dir: string; isHostsToml: boolean } | null)[] {
  const underCertsD = paths.some((path) => /(?:^|\/)certs\.d\//.test(path));
  return paths.map((path) => {
    const match = (underCertsD ? UNDER_CERTS_D : CERTS_CONTENTS).exec(path);
    const dir = match?.[1] ?? '';
    // `certs.d/` itself, and names containerd could not look up.
    if (match === null || dir === 'certs.d' || directoryNameProblem(dir) !== null) return null;
    return { dir, isHostsToml: match[2] === 'hosts.toml' };
  });
}

const UNDER_CERTS_D = /^(?:.*\/)?certs\.d\/([^/]+)\/([^/]+)$/;
const CERTS_CONTENTS = /^(?:\.\/)?([^/]+)\/([^/]+)$/;

/** A tar of `certs.d/<dir>/hosts.toml`, as `tar -C /etc/containerd -xf` expects; same files, same bytes. */
export function certsToTar(files: readonly CertsFile[], root = 'certs.d'): Uint8Array<ArrayBuffer> {
  const blocks: Uint8Array[] = [];
  for (const file of files) {
    blocks.push(header(`${root}/${file.dir}/`, 0, '5'));
    const data = new TextEncoder().encode(file.toml);
    blocks.push(header(`${root}/${file.dir}/hosts.toml`, data.length, '0'), padded(data));
  }
  blocks.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(blocks.reduce((sum, block) => sum + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

interface Entry {
  path: string;
  type: 'file' | 'directory' | 'other';
  data: Uint8Array;
}

function readEntries(bytes: Uint8Array): { ok: true; entries: Entry[] } | { ok: false; error: string } {
  const entries: Entry[] = [];
  let offset = 0;
  let longName: string | null = null;
  for (let count = 0; offset < bytes.length; count++) {
    if (count > TAR_LIMITS.entries) return { ok: false, error: `The archive has more than ${TAR_LIMITS.entries.toLocaleString('en-US')} entries.` };
    if (offset + BLOCK > bytes.length) return { ok: false, error: 'The archive is cut short or damaged: it ends inside a header.' };
    const block = bytes.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    if (!checksumMatches(block)) return { ok: false, error: 'This is not a tar archive (or it is damaged): a header checksum does not match.' };
    const size = octal(block.subarray(124, 136));
    if (size === null || offset + BLOCK + size > bytes.length) return { ok: false, error: 'The archive is cut short or damaged: an entry is larger than what follows it.' };
    const data = bytes.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const typeFlag = String.fromCharCode(block[156] ?? 0);
    // GNU long names and pax headers name the next entry.
    if (typeFlag === 'L') {
      longName = (decodeUtf8(data) ?? '').replace(/\0.*$/s, '');
      continue;
    }
    if (typeFlag === 'x') {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(decodeUtf8(data) ?? '')?.[1] ?? longName;
      continue;
    }
    if (typeFlag === 'g') continue;
    const name = field(block.subarray(0, 100));
    const prefix = field(block.subarray(345, 500));
    const path = longName ?? (prefix === '' ? name : `${prefix}/${name}`);
    longName = null;
    const type = typeFlag === '0' || typeFlag === '\0' || typeFlag === '7' ? 'file' : typeFlag === '5' ? 'directory' : 'other';
    entries.push({ path: path.replace(/\/$/, type === 'directory' ? '/.' : ''), type, data });
  }
  return { ok: true, entries };
}

function header(path: string, size: number, typeFlag: '0' | '5'): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const encoded = new TextEncoder().encode(path);
  // Long paths go in the ustar prefix, split at a slash.
  let name = encoded;
  let prefix = new Uint8Array(0);
  if (encoded.length > 100) {
    const slash = encoded.lastIndexOf(0x2f, encoded.length - 2);
    prefix = encoded.subarray(0, slash);
    name = encoded.subarray(slash + 1);
  }
  block.set(name.subarray(0, 100), 0);
  writeOctal(block, 100, 8, typeFlag === '5' ? 0o755 : 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, 0);
  block.fill(0x20, 148, 156);
  block[156] = typeFlag.charCodeAt(0);
  block.set(new TextEncoder().encode('ustar\u000000'), 257);
  block.set(prefix.subarray(0, 155), 345);
  const sum = block.reduce((total, byte) => total + byte, 0);
  writeOctal(block, 148, 7, sum);
  return block;
}

function writeOctal(block: Uint8Array, at: number, length: number, value: number): void {
  const text = value.toString(8).padStart(length - 1, '0');
  block.set(new TextEncoder().encode(text), at);
  block[at + length - 1] = 0;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  out.set(data);
  return out;
}

function checksumMatches(block: Uint8Array): boolean {
  const stored = octal(block.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return stored === sum;
}

function octal(bytes: Uint8Array): number | null {
  const text = String.fromCharCode(...bytes).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]{1,12}$/.test(text)) return text === '' ? 0 : null;
  return parseInt(text, 8);
}

function field(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return decodeUtf8(end < 0 ? bytes : bytes.subarray(0, end)) ?? '';
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips in slices and stops at the cap, so a gzip bomb ends here instead of filling memory. */
function gunzipCapped(bytes: Uint8Array): Uint8Array | null | 'damaged' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > TAR_LIMITS.expandedBytes) tooLarge = true;
    else chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < bytes.length && !tooLarge; offset += 4096) gunzip.push(bytes.subarray(offset, Math.min(offset + 4096, bytes.length)), offset + 4096 >= bytes.length);
  } catch {
    return 'damaged';
  }
  if (tooLarge) return null;
  const out = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    out.set(chunk, position);
    position += chunk.length;
  }
  return out;
}
