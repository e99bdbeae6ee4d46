import { parseGoDuration } from '../go/duration.ts';
import type { HostEntry } from './hostsFile.ts';

/**
 * containerd `parseHostConfig`'s field blocks, one reader per field: each checks the value's
 * type the way containerd's decoder does and fills in the host, or returns the error that makes
 * containerd reject the whole file.
 */
export type TomlTable = Record<string, unknown>;

/** The keys that differ between containerd builds: the fork's `rewrite`, and the 2.x additions. */
export interface HostKeys {
  rewrites: 'fork' | 'ignored';
  dialTimeout: boolean;
  referrersCapability: boolean;
}

/** The K3s fork as modelled for every K3s release. */
export const FORK_KEYS: HostKeys = { rewrites: 'fork', dialTimeout: false, referrersCapability: false };

type FieldReader = (table: TomlTable, entry: HostEntry, dir: string, keys: HostKeys) => string | null;

/** Every field reader, in containerd's order; the first error wins. */
export function readHostFields(table: TomlTable, entry: HostEntry, dir: string, keys: HostKeys = FORK_KEYS): string | null {
  const readers: FieldReader[] = [readSkipVerify, readCapabilities, readCa, readClient, readHeader, readDialTimeout, readRewrites];
  for (const read of readers) {
    const problem = read(table, entry, dir, keys);
    if (problem !== null) return problem;
  }
  return null;
}

function readSkipVerify(table: TomlTable, entry: HostEntry): string | null {
  const value = table.skip_verify;
  if (value === undefined) return null;
  if (typeof value !== 'boolean') return 'toml: cannot decode "skip_verify" into a bool';
  entry.skipVerify = value;
  return null;
}

function readCapabilities(table: TomlTable, entry: HostEntry, _dir: string, keys: HostKeys): string | null {
  const value = table.capabilities;
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return 'toml: cannot decode "capabilities" into []string';
  if (value.length === 0) return null;
  const capabilities = { pull: false, resolve: false, push: false };
  for (const name of value as string[]) {
    const lower = name.toLowerCase();
    // containerd 2.2 knows `referrers` (no part of a pull's chain); earlier builds reject the file.
    if (lower === 'referrers' && keys.referrersCapability) continue;
    if (lower !== 'pull' && lower !== 'resolve' && lower !== 'push') return `unknown capability ${name}`;
    capabilities[lower] = true;
  }
  entry.capabilities = capabilities;
  return null;
}

function readCa(table: TomlTable, entry: HostEntry, dir: string): string | null {
  const value = table.ca;
  if (value === undefined) return null;
  if (typeof value === 'string') entry.ca = [absolutePath(value, dir)];
  else if (Array.isArray(value)) {
    const strings = stringSlice(value);
    if (typeof strings === 'string') return strings;
    entry.ca = strings.map((path) => absolutePath(path, dir));
  } else return `invalid type ${goValue(value)} for "ca"`;
  return null;
}

function readClient(table: TomlTable, entry: HostEntry, dir: string): string | null {
  const value = table.client;
  if (value === undefined) return null;
  if (typeof value === 'string') {
    entry.client = [[absolutePath(value, dir), '']];
    return null;
  }
  if (!Array.isArray(value)) return `invalid type ${goValue(value)} for "client"`;
  for (const item of value) {
    let pair: [string, string];
    if (typeof item === 'string') pair = [absolutePath(item, dir), ''];
    else if (Array.isArray(item)) {
      const strings = stringSlice(item);
      if (typeof strings === 'string') return strings;
      if (strings.length !== 2) return `invalid pair ${goValue(item)} for "client"`;
      pair = [absolutePath(strings[0] ?? '', dir), absolutePath(strings[1] ?? '', dir)];
    } else return `invalid type ${goType(item)} for "client"`;
    (entry.client ??= []).push(pair);
  }
  return null;
}

function readHeader(table: TomlTable, entry: HostEntry): string | null {
  const value = table.header;
  if (value === undefined) return null;
  if (!isTable(value)) return 'toml: cannot decode "header" into map[string]interface {}';
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue === 'string') entry.header[name] = [headerValue];
    else if (Array.isArray(headerValue)) {
      const strings = stringSlice(headerValue);
      if (typeof strings === 'string') return strings;
      entry.header[name] = strings;
    } else return `invalid type ${goValue(headerValue)} for header "${name}"`;
  }
  return null;
}

/** containerd v2.0.7 and 2.1+: a `dial_timeout` Go cannot parse rejects the file. */
function readDialTimeout(table: TomlTable, _entry: HostEntry, _dir: string, keys: HostKeys): string | null {
  const value = table.dial_timeout;
  if (!keys.dialTimeout || value === undefined) return null;
  if (typeof value !== 'string') return 'toml: cannot decode "dial_timeout" into a string';
  if (value === '') return null;
  const parsed = parseGoDuration(value);
  return parsed.ok ? null : parsed.error;
}

/** The fork's rewrites; upstream containerd has no such key and ignores the table. */
function readRewrites(table: TomlTable, entry: HostEntry, _dir: string, keys: HostKeys): string | null {
  const value = table.rewrite;
  if (value === undefined || entry.isRoot || keys.rewrites === 'ignored') return null;
  if (!isTable(value)) return 'toml: cannot decode "rewrite" into map[string]string';
  for (const [pattern, replacement] of Object.entries(value)) {
    if (typeof replacement !== 'string') return 'toml: cannot decode a rewrite replacement into a string';
    entry.rewrites.push({ pattern, replacement });
  }
  return null;
}

function stringSlice(values: unknown[]): string[] | string {
  for (const value of values) if (typeof value !== 'string') return `unable to cast ${goValue(value)} to string`;
  return values as string[];
}

/** containerd `makeAbsPath`: relative certificate paths are relative to the host directory. */
function absolutePath(path: string, dir: string): string {
  return path.startsWith('/') || path === '' ? path : `${dir}/${path}`;
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function goValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(goValue).join(' ')}]` : String(value);
}

function goType(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return Number.isInteger(Number(value)) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (isTable(value)) return 'map[string]interface {}';
  return typeof value;
}
