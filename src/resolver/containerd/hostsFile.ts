import { parse as parseToml, TomlError } from 'smol-toml';
import { parseURL } from '../go/url.ts';
import { err, ok, type Result } from '../result.ts';

/** What a host may be used for (docker.HostCapabilities). */
export interface Capabilities {
  pull: boolean;
  resolve: boolean;
  push: boolean;
}

export const ALL_CAPABILITIES: Capabilities = { pull: true, resolve: true, push: true };

/** One host read from hosts.toml (containerd's `hostConfig`), before the default is filled in. */
export interface HostEntry {
  /** The `[host."…"]` key as written, or the root's `server` value. */
  key: string;
  scheme: string;
  host: string;
  path: string;
  capabilities: Capabilities;
  /** Go keeps nil apart from empty; any non-nil TLS field makes the host "explicit TLS". */
  ca: string[] | null;
  client: [string, string][] | null;
  skipVerify: boolean | null;
  header: Record<string, string[]>;
  /** Fork-only `[host."…".rewrite]` table, in file order. */
  rewrites: { pattern: string; replacement: string }[];
  /** True for the top-level (`server`) host. */
  isRoot: boolean;
}

export interface HostsFile {
  /** `[host."…"]` entries in file order (containerd `getSortedHosts`). */
  hosts: HostEntry[];
  /** The top-level host (`server` + top-level fields). */
  root: HostEntry;
  /** Whether `server` appears among the top-level keys, and its value: what the profiles disagree on. */
  server: { present: boolean; value: string };
}

type TomlTable = Record<string, unknown>;

/**
 * containerd `parseHostsFile`: TOML decode, then `parseHostConfig` for each host in file order
 * and for the root. Any error rejects the whole file (the caller falls back, spec §3.4).
 */
export function parseHostsFile(dir: string, text: string): Result<HostsFile> {
  let document: TomlTable;
  try {
    document = parseToml(text) as TomlTable;
  } catch (error) {
    return err(tomlErrorMessage(error, text));
  }
  const hostTables = document.host;
  if (hostTables !== undefined && !isTable(hostTables)) return err('toml: cannot decode "host" into map[string]config.hostFileConfig');
  if (document.server !== undefined && typeof document.server !== 'string') return err('toml: cannot decode "server" into a string');
  const hosts: HostEntry[] = [];
  for (const key of sortedHostKeys(text)) {
    const table = hostTables?.[key];
    const parsed = parseHostConfig(key, dir, isTable(table) ? table : {}, false);
    if (!parsed.ok) return parsed;
    hosts.push(parsed.value);
  }
  const server = typeof document.server === 'string' ? document.server : '';
  const root = parseHostConfig(server, dir, document, true);
  if (!root.ok) return root;
  return ok({ hosts, root: root.value, server: { present: Object.hasOwn(document, 'server'), value: server } });
}

/**
 * containerd `getSortedHosts`: the `[host."X"…]` table headers in file order. A sub-table
 * (`[host."X".rewrite]`) does not start a new host when X is the host just seen, but the
 * same X after a different host is listed again, as containerd does.
 */
export function sortedHostKeys(text: string): string[] {
  const order: string[] = [];
  let previous = '';
  for (const header of tableHeaders(text)) {
    if (header.length < 2 || header[0] !== 'host' || header[1] === previous) continue;
    previous = header[1] ?? '';
    order.push(previous);
  }
  return order;
}

/** Key parts of every standard `[table]` header (array tables are skipped), outside multi-line strings. */
function tableHeaders(text: string): string[][] {
  const headers: string[][] = [];
  let inMultiline: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (inMultiline !== null) {
      if (countOccurrences(line, inMultiline) % 2 === 1) inMultiline = null;
      continue;
    }
    for (const quote of ['"""', "'''"]) {
      if (countOccurrences(line, quote) % 2 === 1) inMultiline = quote;
    }
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('[') || trimmed.startsWith('[[')) continue;
    const parts = parseKeyParts(trimmed.slice(1));
    if (parts !== null) headers.push(parts);
  }
  return headers;
}

/** Parses `a."b.c".'d' ]` into ["a", "b.c", "d"]; null when malformed. */
function parseKeyParts(text: string): string[] | null {
  const parts: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  for (;;) {
    skipSpace();
    const c = text[i];
    if (c === '"') {
      const match = /^"((?:[^"\\]|\\.)*)"/.exec(text.slice(i));
      if (match === null) return null;
      parts.push(unescapeBasic(match[1] ?? ''));
      i += match[0].length;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return null;
      parts.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      const match = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
      if (match === null) return null;
      parts.push(match[0]);
      i += match[0].length;
    }
    skipSpace();
    if (text[i] === '.') {
      i++;
      continue;
    }
    return text[i] === ']' ? parts : null;
  }
}

function unescapeBasic(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, escape: string) => {
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return simple[escape] ?? escape;
  });
}

function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** containerd `parseHostConfig`: URL, path rules, capabilities and TLS fields of one host. */
function parseHostConfig(server: string, dir: string, table: TomlTable, isRoot: boolean): Result<HostEntry> {
  const overridePath = table.override_path;
  if (overridePath !== undefined && typeof overridePath !== 'boolean') return err('toml: cannot decode "override_path" into a bool');
  const entry: HostEntry = {
    key: server,
    scheme: '',
    host: '',
    path: '',
    capabilities: ALL_CAPABILITIES,
    ca: null,
    client: null,
    skipVerify: null,
    header: {},
    rewrites: [],
    isRoot,
  };
  if (server !== '') {
    const located = locateServer(server, overridePath === true);
    if (!located.ok) return located;
    Object.assign(entry, located.value);
  }
  const fields = [readSkipVerify, readCapabilities, readCa, readClient, readHeader, readRewrites];
  for (const read of fields) {
    const problem = read(table, entry, dir);
    if (problem !== null) return err(problem);
  }
  return ok(entry);
}

/** Scheme, host and API root path of a host key (https:// assumed; /v2 appended unless override_path). */
function locateServer(server: string, overridePath: boolean): Result<{ scheme: string; host: string; path: string }> {
  const withScheme = server.startsWith('http') ? server : `https://${server}`;
  const url = parseURL(withScheme);
  if (!url.ok) return err(`unable to parse server ${withScheme}: ${url.error}`);
  let path = url.value.path;
  if (path.length > 0) {
    path = cleanPath(path);
    if (!path.endsWith('/v2') && !overridePath) path += '/v2';
  } else if (!overridePath) {
    path = '/v2';
  }
  return ok({ scheme: url.value.scheme, host: url.value.host, path });
}

function readSkipVerify(table: TomlTable, entry: HostEntry): string | null {
  const value = table.skip_verify;
  if (value === undefined) return null;
  if (typeof value !== 'boolean') return 'toml: cannot decode "skip_verify" into a bool';
  entry.skipVerify = value;
  return null;
}

function readCapabilities(table: TomlTable, entry: HostEntry): string | null {
  const value = table.capabilities;
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return 'toml: cannot decode "capabilities" into []string';
  if (value.length === 0) return null;
  const capabilities = { pull: false, resolve: false, push: false };
  for (const name of value as string[]) {
    const lower = name.toLowerCase();
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

function readRewrites(table: TomlTable, entry: HostEntry): string | null {
  const value = table.rewrite;
  if (value === undefined || entry.isRoot) return null;
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

/** Go's `path.Clean`. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

function isTable(value: unknown): value is TomlTable {
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

/** go-toml words its most common failure ("invalid escaped character"); other errors keep smol-toml's text. */
function tomlErrorMessage(error: unknown, text: string): string {
  if (!(error instanceof TomlError)) return `toml: ${String(error)}`;
  const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
  if (/escape/.test(reason)) {
    const lines = text.split('\n');
    const line = lines[error.line - 1] ?? '';
    const escaped = /\\(?![btnfr"\\]|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})(.)/u.exec(line)?.[1] ?? '';
    const code = escaped.codePointAt(0) ?? 0;
    return `toml: invalid escaped character U+${code.toString(16).toUpperCase().padStart(4, '0')} '${escaped}' (line ${error.line}, column ${error.column})`;
  }
  return `toml: ${reason} (line ${error.line}, column ${error.column})`;
}
