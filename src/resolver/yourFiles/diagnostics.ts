import type { LoadedDir } from '../containerd/configureHosts.ts';
import { tableHeaders, tomlKeyLines, topLevelKey, type TableHeader, type TomlKeyLine } from '../containerd/tomlHeaders.ts';
import type { DiagnosticCode, SpannedDiagnostic } from '../diagnostics.ts';
import { diagnostic } from '../diagnostics.ts';
import type { YourDir } from '../k3s/certsAtStartup.ts';
import type { Release } from '../profiles/releases.ts';
import { editDistance } from '../registries/parse.ts';
import type { Span } from '../registries/span.ts';
import { DOCKER_HUB_HOST, DOCKER_HUB_LEGACY, WILDCARD_DIR } from '../registryNames.ts';
import type { ImageResolution } from '../resolution.ts';

/** What the checks need of one compared release: its reading of your files and what became of them. */
export interface ReleaseView {
  release: Release;
  yours: readonly YourDir[];
  load(dir: string): LoadedDir;
}

/** A diagnostic in one of your hosts.toml files (the pipeline turns spans into lines of that file). */
export type FileDiagnostic = SpannedDiagnostic & { file: string };

/**
 * Everything that would bite in the hosts.toml files you wrote, at their lines: what the compared
 * releases do to the directory at start-up, why a containerd refuses a file, keys it ignores,
 * hosts it never pulls from, directories no image reaches.
 */
export function yourFilesDiagnostics(dirs: Readonly<Record<string, string>>, views: readonly ReleaseView[], images: readonly ImageResolution[]): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  const all = views.map((view) => view.release.id);
  for (const [dir, text] of Object.entries(dirs)) {
    let count = 0;
    const inFile = (code: DiagnosticCode, message: string, span: Span, releases: readonly string[] = all): void => {
      // A file of ten thousand typos gets a readable list, not ten thousand entries.
      if (++count > MAX_PER_FILE) return;
      const subset = releases.length === all.length ? undefined : [...releases];
      found.push({ ...diagnostic(code, message, span, subset), file: dir });
    };
    const cut = () => {
      if (count > MAX_PER_FILE) found.push({ ...diagnostic('output-cut', `${(count - MAX_PER_FILE).toLocaleString('en-US')} more findings in this file are not listed (the first ${MAX_PER_FILE} are).`, { start: 0, end: 0 }), file: dir });
    };
    const firstLine = { start: 0, end: lineEndAt(text, 0) };
    for (const { fate, why, releases } of fatesOf(dir, views)) {
      if (fate === 'used') continue;
      const code = fate === 'replaced' ? 'hosts-dir-replaced' : fate === 'deleted' ? 'hosts-dir-deleted' : 'hosts-dir-not-read';
      inFile(code, releases.length === 1 ? capitalise(why) : `On ${releases.join(', ')}: ${why}`, firstLine, releases);
    }
    const reading = views.filter((view) => view.yours.some((entry) => entry.dir === dir && entry.fate === 'used'));
    if (reading.length === 0) {
      cut();
      continue;
    }
    const lines = tomlKeyLines(text);
    for (const { error, releases } of rejectionsOf(dir, reading)) {
      const [code, span] = locateRejection(error, text, lines);
      inFile(code, `${releaseList(releases, all)}containerd refuses this hosts.toml (failed to decode: ${error}) and uses the registry itself, with none of the file's hosts or TLS settings.`, span, releases);
    }
    const headers = tableHeaders(text);
    checkFallback(dir, text, lines, reading, inFile);
    checkKeys(headers, lines, reading, inFile);
    checkHosts(headers, lines, text, inFile);
    checkDirectory(dir, dirs, text, headers, lines, images, reading, inFile);
    cut();
  }
  return found;
}

/** Findings listed per file; beyond, one line says how many more there are. */
const MAX_PER_FILE = 100;

/** Each fate of a directory, with the releases that give it. */
function fatesOf(dir: string, views: readonly ReleaseView[]): { fate: YourDir['fate']; why: string; releases: string[] }[] {
  const byFate = new Map<string, { fate: YourDir['fate']; why: string; releases: string[] }>();
  for (const view of views) {
    const entry = view.yours.find((candidate) => candidate.dir === dir);
    if (entry === undefined) continue;
    const key = `${entry.fate}|${entry.why.replace(view.release.version, '')}`;
    const group = byFate.get(key);
    if (group === undefined) byFate.set(key, { fate: entry.fate, why: entry.why, releases: [view.release.id] });
    else group.releases.push(view.release.id);
  }
  return [...byFate.values()];
}

function rejectionsOf(dir: string, views: readonly ReleaseView[]): { error: string; releases: string[] }[] {
  const byError = new Map<string, string[]>();
  for (const view of views) {
    const error = view.load(dir).decodeError;
    if (error !== null) byError.set(error, [...(byError.get(error) ?? []), view.release.id]);
  }
  return [...byError].map(([error, releases]) => ({ error, releases }));
}

/** The code and the place of a decode error: the line it names, or the key it is about. */
function locateRejection(error: string, text: string, lines: readonly TomlKeyLine[]): [DiagnosticCode, Span] {
  const keyLine = (name: string) => lines.find((line) => line.key.length === 1 && line.key[0] === name);
  const spanOf = (line: TomlKeyLine | undefined): Span => (line === undefined ? { start: 0, end: lineEndAt(text, 0) } : { start: line.keyStart, end: line.lineEnd });
  const capability = /^unknown capability (.*)$/.exec(error);
  if (capability !== null) {
    const line = lines.find((candidate) => candidate.key[0] === 'capabilities' && candidate.raw.includes(capability[1] ?? '')) ?? keyLine('capabilities');
    return ['hosts-toml-unknown-capability', spanOf(line)];
  }
  const tls = /for "(ca|client)"|^invalid pair /.exec(error);
  if (tls !== null) return ['hosts-toml-tls-shape', spanOf(keyLine(tls[1] ?? 'client'))];
  const decodeInto = /cannot decode "([a-z_]+)"/.exec(error);
  if (decodeInto !== null) return ['hosts-toml-rejected', spanOf(keyLine(decodeInto[1] ?? ''))];
  if (error.startsWith('time: ')) return ['hosts-toml-rejected', spanOf(keyLine('dial_timeout'))];
  if (error === 'invalid `host` tree') return ['hosts-toml-rejected', { start: 0, end: lineEndAt(text, 0) }];
  const position = /\(line (\d+), column (\d+)\)/.exec(error) ?? /\((\d+), (\d+)\)/.exec(error);
  if (position !== null) {
    const start = offsetOfLine(text, Number(position[1])) + Math.max(0, Number(position[2]) - 1);
    return ['hosts-toml-syntax', { start: Math.min(start, text.length), end: lineEndAt(text, Math.min(start, text.length)) }];
  }
  return ['hosts-toml-rejected', { start: 0, end: lineEndAt(text, 0) }];
}

/**
 * The K3s fork appends the root host only when `server` is present (v2.0.2-k3s2: non-empty); upstream
 * always does. A hand-written file without it never falls back to the registry on those releases.
 */
function checkFallback(dir: string, text: string, lines: readonly TomlKeyLine[], reading: readonly ReleaseView[], inFile: (code: DiagnosticCode, message: string, span: Span, releases?: readonly string[]) => void): void {
  const without = reading.filter((view) => {
    const loaded = view.load(dir);
    return loaded.decodeError === null && !loaded.rootAppended;
  });
  if (without.length === 0) return;
  const server = topLevelKey(lines, 'server');
  const names = without.map((view) => view.release.id).join(', ');
  const registry = dir === WILDCARD_DIR ? 'each registry' : dir.replace(/_(\d+)_$/, ':$1');
  const fix = dir === WILDCARD_DIR ? 'Nothing in _default can name every registry: give each one its own directory with a server line, if it must fall back.' : `Add \`server = "https://${registry}"\` to fall back.`;
  const message =
    server === undefined
      ? `No \`server\` line: on ${names} the K3s containerd fork never falls back to ${registry} itself after these hosts (upstream containerd always does). ${fix}`
      : `\`server = ""\` counts as absent on ${names} (k3s-io/k3s#11857): no fallback to ${registry} itself after these hosts.`;
  inFile('hosts-toml-no-fallback', message, server === undefined ? { start: 0, end: lineEndAt(text, 0) } : { start: server.keyStart, end: server.lineEnd }, without.map((view) => view.release.id));
}

/** The keys of a host (and of the root), as containerd's hostFileConfig names them. */
const HOST_KEYS = ['capabilities', 'ca', 'client', 'skip_verify', 'header', 'override_path', 'dial_timeout', 'rewrite'] as const;

/** Keys people carry over from registries.yaml or Docker, and what hosts.toml says instead. */
const MISPLACED: Readonly<Record<string, string>> = {
  insecure_skip_verify: 'hosts.toml spells it `skip_verify`',
  endpoint: 'hosts.toml lists mirrors as `[host."https://…"]` tables',
  mirrors: 'hosts.toml lists mirrors as `[host."https://…"]` tables',
  auth: 'hosts.toml has no credentials: containerd takes them from the CRI config (`configs` in registries.yaml) or from the pod\'s pull secret; a fixed `Authorization` can go under `[host."…".header]`',
  username: 'hosts.toml has no credentials: containerd takes them from the CRI config or from the pull secret',
  password: 'hosts.toml has no credentials: containerd takes them from the CRI config or from the pull secret',
  tls: 'hosts.toml puts `ca`, `client` and `skip_verify` directly in the host table',
  cert_file: 'hosts.toml spells it `client` (a path, or a [cert, key] pair)',
  key_file: 'hosts.toml spells it `client = [["cert", "key"]]`',
  ca_file: 'hosts.toml spells it `ca`',
};

function checkKeys(headers: readonly TableHeader[], lines: readonly TomlKeyLine[], reading: readonly ReleaseView[], inFile: (code: DiagnosticCode, message: string, span: Span, releases?: readonly string[]) => void): void {
  const ignoring = (predicate: (view: ReleaseView) => boolean) => reading.filter(predicate).map((view) => view.release.id);
  const rewriteIgnoredBy = ignoring((view) => view.release.profile.reader.rewrites === 'ignored');
  const dialTimeoutIgnoredBy = ignoring((view) => !view.release.profile.reader.dialTimeout);
  for (const line of lines) {
    const inRoot = line.table.length === 0;
    const inHost = line.table.length === 2 && line.table[0] === 'host';
    if (!inRoot && !inHost) continue;
    const name = line.key[0] ?? '';
    const span = { start: line.keyStart, end: line.keyEnd };
    if (line.key.length > 1 && (name === 'header' || name === 'rewrite')) continue;
    if (inRoot && (name === 'server' || name === 'host')) continue;
    if (name === 'rewrite') {
      if (inRoot) inFile('hosts-toml-rewrite-ignored', 'Rewrites are read only in `[host."…"]` tables: the root (`server`) host never rewrites.', span);
      else if (rewriteIgnoredBy.length > 0) inFile('hosts-toml-rewrite-ignored', `\`rewrite\` is the K3s containerd fork's key: ${rewriteIgnoredBy.join(', ')} ignore${rewriteIgnoredBy.length === 1 ? 's' : ''} it and request the original repository.`, span, rewriteIgnoredBy);
      continue;
    }
    if (name === 'dial_timeout') {
      if (dialTimeoutIgnoredBy.length > 0) inFile('hosts-toml-unknown-key', `containerd reads \`dial_timeout\` from v2.0.7 and v2.1: ${dialTimeoutIgnoredBy.join(', ')} ignore${dialTimeoutIgnoredBy.length === 1 ? 's' : ''} it.`, span, dialTimeoutIgnoredBy);
      continue;
    }
    if ((HOST_KEYS as readonly string[]).includes(name) && line.key.length === 1) continue;
    inFile('hosts-toml-unknown-key', unknownKeyMessage(name, inRoot), span);
  }
  for (const header of headers) {
    const [first, host, sub] = header.parts;
    const span = { start: header.start, end: header.end };
    if (first === 'host' && header.parts.length === 1) continue;
    if (first === 'host' && header.parts.length === 2) continue;
    if (first === 'header' && header.parts.length === 1) continue;
    if (first === 'host' && header.parts.length === 3 && sub === 'header') continue;
    if (first === 'host' && header.parts.length === 3 && sub === 'rewrite') {
      if (rewriteIgnoredBy.length > 0) inFile('hosts-toml-rewrite-ignored', `\`rewrite\` is the K3s containerd fork's key: ${rewriteIgnoredBy.join(', ')} ignore${rewriteIgnoredBy.length === 1 ? 's' : ''} it and request the original repository from ${host ?? 'this host'}.`, span, rewriteIgnoredBy);
      continue;
    }
    const name = header.parts[header.parts.length - 1] ?? '';
    inFile('hosts-toml-unknown-key', `containerd ignores the table [${header.parts.join('.')}]${MISPLACED[name] ? `: ${MISPLACED[name]}` : '.'}`, span);
  }
}

function unknownKeyMessage(name: string, inRoot: boolean): string {
  const hint = MISPLACED[name];
  if (hint !== undefined) return `containerd ignores \`${name}\`: ${hint}.`;
  const known = inRoot ? ['server', ...HOST_KEYS] : HOST_KEYS;
  const typo = known.find((candidate) => editDistance(candidate, name) <= 2);
  return `containerd ignores \`${name}\`${typo !== undefined ? ` (did you mean \`${typo}\`?)` : ''}: it is not a hosts.toml key.`;
}

/** Each host's address and capabilities as written: no scheme, no pull, override_path without a path. */
function checkHosts(headers: readonly TableHeader[], lines: readonly TomlKeyLine[], text: string, inFile: (code: DiagnosticCode, message: string, span: Span) => void): void {
  const hosts = new Map<string, { span: Span; keys: Map<string, TomlKeyLine> }>();
  for (const header of headers) {
    const [first, host] = header.parts;
    if (first === 'host' && header.parts.length === 2 && host !== undefined && !hosts.has(host)) hosts.set(host, { span: { start: header.start, end: header.end }, keys: new Map() });
  }
  const root = { span: { start: 0, end: lineEndAt(text, 0) }, keys: new Map<string, TomlKeyLine>() };
  for (const line of lines) {
    const target = line.table.length === 0 ? root : line.table.length === 2 && line.table[0] === 'host' ? hosts.get(line.table[1] ?? '') : undefined;
    if (target !== undefined && line.key.length === 1 && line.key[0] !== undefined) target.keys.set(line.key[0], line);
  }
  const server = root.keys.get('server');
  const serverValue = server === undefined ? null : stringValue(server.raw);
  const entries: { address: string; span: Span; keys: Map<string, TomlKeyLine>; isRoot: boolean }[] = [...hosts].map(([address, host]) => ({ address, ...host, isRoot: false }));
  if (server !== undefined && serverValue !== null && serverValue !== '') entries.push({ address: serverValue, span: { start: server.keyStart, end: server.lineEnd }, keys: root.keys, isRoot: true });
  for (const entry of entries) {
    const where = entry.isRoot ? '`server`' : `[host."${entry.address}"]`;
    if (/^https?:\/\//.test(entry.address)) {
      // Fine.
    } else if (entry.address.startsWith('http')) {
      inFile('hosts-toml-server-no-scheme', `${where} starts with "http" but not with http:// or https://: containerd adds no scheme and parses "${entry.address}" as a URL as it stands, which names no usable host.`, entry.span);
    } else {
      inFile('hosts-toml-server-no-scheme', `${where} has no scheme: containerd reads it as https://${entry.address}. Write http:// if the registry speaks plain HTTP.`, entry.span);
    }
    const capabilities = entry.keys.get('capabilities');
    if (capabilities !== undefined) {
      const names = [...capabilities.raw.matchAll(/["']([^"']*)["']/g)].map((match) => (match[1] ?? '').toLowerCase());
      const span = { start: capabilities.keyStart, end: capabilities.lineEnd };
      if (names.length > 0 && !names.includes('pull')) inFile('hosts-toml-host-unreachable', `${where} has no "pull" capability: containerd never pulls from it.`, span);
      else if (names.length > 0 && !names.includes('resolve')) inFile('hosts-toml-no-resolve', `${where} has "pull" without "resolve": tags are never resolved there (resolving needs both); only pulls by digest, and the content of images resolved elsewhere, use it.`, span);
    }
    const overridePath = entry.keys.get('override_path');
    if (overridePath !== undefined && /^true\b/.test(overridePath.raw) && pathOf(entry.address) === '') {
      inFile('hosts-toml-override-path-no-path', `${where} sets override_path but its URL has no path: containerd requests https://${hostOf(entry.address)}/<repository>/manifests/… with no /v2 at all. Put the API root in the URL (https://…/v2/prefix) or drop override_path.`, { start: overridePath.keyStart, end: overridePath.lineEnd });
    }
  }
}

/** Directories that no image reaches, or that reach nothing new. */
function checkDirectory(
  dir: string,
  dirs: Readonly<Record<string, string>>,
  text: string,
  headers: readonly TableHeader[],
  lines: readonly TomlKeyLine[],
  images: readonly ImageResolution[],
  reading: readonly ReleaseView[],
  inFile: (code: DiagnosticCode, message: string, span: Span) => void,
): void {
  const firstLine = { start: 0, end: lineEndAt(text, 0) };
  const never = neverLookedUp(dir, dirs);
  if (never !== null) {
    inFile('hosts-dir-never-used', never, firstLine);
    return;
  }
  if (dir !== WILDCARD_DIR) return;
  const valid = images.filter((image) => image.reference !== null);
  const reached = valid.some((image) => reading.some((view) => image.versions[view.release.id]?.hostsDir === WILDCARD_DIR));
  if (valid.length > 0 && !reached) {
    inFile('hosts-default-shadows-nothing', `No sample image reaches _default: every one's registry has its own directory (${[...new Set(valid.map((image) => image.reference?.host))].join(', ')}).`, firstLine);
    return;
  }
  const hasHosts = headers.some((header) => header.parts[0] === 'host' && header.parts.length >= 2);
  const settings = lines.some((line) => line.table.length === 0 || line.table[0] === 'header');
  if (!hasHosts && !settings) inFile('hosts-default-shadows-nothing', '_default sets nothing: every registry without a directory of its own is still pulled from itself. Add [host."https://…"] tables, or `server`, for it to change anything.', firstLine);
}

/** Why containerd never looks up a directory of this name, or null. */
function neverLookedUp(dir: string, dirs: Readonly<Record<string, string>>): string | null {
  if (dir === DOCKER_HUB_LEGACY || dir === DOCKER_HUB_HOST) return `containerd looks up Docker Hub images under certs.d/docker.io, never under ${dir}: rename the directory to docker.io.`;
  if (dir.includes('://')) return `A directory is named after the registry's host (and port), not a URL: containerd never looks up "${dir}".`;
  const colon = dir.lastIndexOf(':');
  if (colon > 0) {
    const portSafe = `${dir.slice(0, colon)}_${dir.slice(colon + 1)}_`;
    if (Object.hasOwn(dirs, portSafe)) return `containerd tries ${portSafe} before ${dir}: this directory is never read while both exist.`;
  }
  return null;
}

function stringValue(raw: string): string | null {
  const match = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(raw);
  return match === null ? null : (match[1] ?? match[2] ?? '');
}

function pathOf(address: string): string {
  const withScheme = /^https?:\/\//.test(address) ? address : `https://${address}`;
  const rest = withScheme.replace(/^https?:\/\/[^/]*/, '');
  return rest === '/' ? '' : rest;
}

function hostOf(address: string): string {
  return address.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

function releaseList(releases: readonly string[], all: readonly string[]): string {
  return releases.length === all.length ? '' : `On ${releases.join(', ')}: `;
}

/** Sentence case, except for a leading release name (v1.32.3+k3s1). */
function capitalise(text: string): string {
  return /^v\d/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}
