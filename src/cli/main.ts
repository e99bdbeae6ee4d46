import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultContainerdReleaseNames, defaultReleaseNames, resolve, toResolutionJson, type Distribution, type Release } from '../resolver/index.ts';
import { runBatch } from './batch.ts';
import { exitCodes, UserError } from './errors.ts';
import { MAX_HOSTS_DIRS, releasesFor, resolveInput } from './request.ts';
import { renderVersions } from './versions.ts';
import { escapeControls, terminalJson } from './terminal.ts';
import { renderText } from './text.ts';
import { explainError, renderExplanation } from './explainError.ts';
import { failsAt, lintFile, renderLint, type LintFormat } from './lint.ts';
import { PUBLISHED_SITE } from '../share/ruleLinks.ts';
import { defaultState, type PlaygroundState } from '../share/state.ts';
import { renderChains } from './render.ts';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  readStdin(): Promise<string>;
  readFile(path: string): string;
  /** The entries of a directory, and which of them are directories. */
  readDir(path: string): { name: string; isDirectory: boolean }[];
  stdout(text: string): void;
  stderr(text: string): void;
  /** How the user runs this CLI, for the usage text: `k3s-registry-playground` once installed; a checkout's npm script otherwise. */
  program?: string;
}

const CHECKOUT_PROGRAM = 'npm run --silent cli --';

/** The usage text, naming the command the way the user runs it. */
function usage(io: CliIO): string {
  return io.program === undefined ? help : help.replaceAll(CHECKOUT_PROGRAM, io.program);
}

export const help = `k3s-registry-playground: what K3s and containerd do with a registries.yaml

Usage:
  npm run --silent cli -- resolve --config FILE [--image REF]... [options]
  npm run --silent cli -- resolve --hosts-dir DIR [--config FILE] [--image REF]... [options]
  npm run --silent cli -- batch < requests.json
  npm run --silent cli -- versions [--rke2] [--format text|json]
  npm run --silent cli -- explain-error [--config FILE] [--hosts-dir DIR] [--k3s VERSION]... < error.txt
  npm run --silent cli -- render --config FILE [--image REF]... [--k3s VERSION]... [--format html|md] [--playground URL]
  npm run --silent cli -- lint FILE... [--hosts-dir DIR] [--k3s VERSION]... [--format text|json|github|sarif] [--fail-on error|warning|note] [--rules-url URL]

Commands:
  resolve   Show what K3s/RKE2 writes for containerd and each image's endpoint chain per release
  batch     Read a JSON array of requests on stdin, write a JSON array of results
  versions  List every release line, its behaviour profiles and the containerd each ships
  lint      Check registries.yaml files (and a certs.d folder) for CI: every finding at its line, as text, JSON,
            GitHub annotations or SARIF 2.1.0; the releases default to the newest plus each release where the file
            behaves differently (the timeline); exit 1 at --fail-on (default error). Each finding links to its
            code's page (what it means, why, the fix, the releases it affects) under ${PUBLISHED_SITE}rules/,
            or under --rules-url URL where the site is published elsewhere
  render    The chains as <k3s-registry-chains> shows them, for static sites: HTML with inline styles (themable
            with --k3s-chains-* custom properties) or a Markdown table (--format md); "Open in playground" links to
            --playground URL (default ${PUBLISHED_SITE}) with credentials redacted (same input options as resolve)
  explain-error  Read a pull error (kubectl describe, kubelet or containerd journal) on stdin against the
                 chains of the compared releases: the step it comes from, why, and the fix (same options
                 as resolve, --config optional; --error-file FILE instead of stdin)

Options for resolve:
  --config FILE                          registries.yaml to read (required unless --hosts-dir is given)
  --hosts-dir DIR                        a certs.d folder of your own (DIR/<registry>/hosts.toml): with --config,
                                         what K3s keeps of it and how containerd reads both; alone, plain
                                         containerd (default releases ${defaultContainerdReleaseNames.join(' and ')})
  --image REF                            image to resolve (repeatable)
  --images-file FILE                     more images, one per line (# comments allowed)
  --k3s VERSION                          K3s release to show, any of them: v1.28.7+k3s1, 1.29.3 (repeatable;
                                         default ${defaultReleaseNames.join(' and ')})
  --rke2 VERSION                         RKE2 release to show: v1.30.5+rke2r1, 1.29.3 (repeatable)
  --containerd VERSION                   upstream containerd to show: 2.0.4, 1.7.25 (repeatable)
  --disable-default-registry-endpoint    as the node option
  --embedded-registry                    as the node option (K3s 127.0.0.1:6443, RKE2 127.0.0.1:9345)
  --format text|json                     output format (default text)
  -h, --help                             this help

Batch request: {"id", "registriesYaml"?, "hostsDirs"?, "images", "versions"?, "product"?, "disableDefaultRegistryEndpoint"?,
  "embeddedRegistry"?}
  "versions" takes any release names (v1.32.3+k3s1, v1.30.5+rke2r1, containerd v2.0.4); results are keyed by
  the names as given. "hostsDirs" is a certs.d tree: {"docker.io": "<hosts.toml text>", ...}; without
  "registriesYaml" the default releases are plain containerd's.

Exit codes:
  lint     0 no finding at the --fail-on level; 1 some; 2 usage error; 3 internal error
  resolve  0 done; 1 K3s cannot load the registries.yaml; 2 usage error; 3 internal error
  versions 0 done; 2 usage error
  batch    0 every request answered (a registries.yaml K3s cannot load is an answer: see its
           diagnostics); 1 some request was malformed or failed (see its "error"); 2 the input
           is not a JSON array of requests; 3 internal error

Examples:
  npm run --silent cli -- resolve --config registries.yaml --image nginx --image quay.io/coreos/etcd:v3.5.0
  npm run --silent cli -- resolve --config registries.yaml --images-file images.txt --k3s v1.32.2 --format json
  npm run --silent cli -- resolve --config registries.yaml --image nginx --k3s v1.29.3 --k3s v1.29.4
  npm run --silent cli -- resolve --hosts-dir /etc/containerd/certs.d --image nginx --containerd 2.0.4 --k3s v1.32.3
  npm run --silent cli -- versions
`;

/** What to resolve: the files, images, releases and node options (resolve, explain-error and render take them). */
const inputOptions = {
  config: { type: 'string' },
  'hosts-dir': { type: 'string' },
  image: { type: 'string', multiple: true },
  'images-file': { type: 'string', multiple: true },
  k3s: { type: 'string', multiple: true },
  rke2: { type: 'string', multiple: true },
  containerd: { type: 'string', multiple: true },
  'disable-default-registry-endpoint': { type: 'boolean' },
  'embedded-registry': { type: 'boolean' },
} as const;

const resolveOptions = {
  ...inputOptions,
  'error-file': { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs the CLI; returns the exit code. Never calls process.exit, never throws, never prints a
 * stack trace: user errors get a message, anything else an "internal error" line.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`internal error: ${escapeControls(error instanceof Error ? error.message : String(error))}\n`);
    return exitCodes.internal;
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'resolve':
        return runResolve(rest, io);
      case 'batch':
        return await runBatchCommand(rest, io);
      case 'versions':
        return runVersions(rest, io);
      case 'explain-error':
        return await runExplainError(rest, io);
      case 'lint':
        return runLint(rest, io);
      case 'render':
        return runRender(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(usage(io));
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      default:
        throw new UserError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr(`error: ${escapeControls(error.message)}\n${error.exitCode === exitCodes.usage ? '\nRun with --help for usage.\n' : ''}`);
    return error.exitCode;
  }
}

function runResolve(args: readonly string[], io: CliIO): number {
  const { values } = parseOptions(args);
  if (values.help === true) {
    io.stdout(usage(io));
    return exitCodes.ok;
  }
  const hostsDirPath = values['hosts-dir'];
  if (values.config === undefined && hostsDirPath === undefined) throw new UserError('resolve needs --config FILE, --hosts-dir DIR or both');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`--format must be text or json, not "${format}"`);
  const registriesYaml = values.config === undefined ? '' : readText(io, values.config);
  const hostsDirs = hostsDirPath === undefined ? undefined : readHostsDir(io, hostsDirPath);
  const images = [...(values.image ?? []), ...(values['images-file'] ?? []).flatMap((file) => imagesFromFile(readText(io, file)))];
  const releases = releasesFromOptions(args, values.config === undefined ? 'containerd' : 'k3s');
  const resolution = resolve(
    resolveInput({
      registriesYaml,
      hostsDirs,
      images,
      releases,
      disableDefaultRegistryEndpoint: values['disable-default-registry-endpoint'],
      embeddedRegistry: values['embedded-registry'],
    }),
  );
  io.stdout(format === 'json' ? `${terminalJson(toResolutionJson(resolution))}\n` : escapeControls(renderText(resolution, values.config ?? null, hostsDirPath ?? null)));
  if (!resolution.loadable && values.config !== undefined) {
    io.stderr(`error: K3s cannot load ${escapeControls(values.config)}; the agent would not start (see the diagnostics).\n`);
    return exitCodes.invalidConfig;
  }
  return exitCodes.ok;
}

/** `--k3s`, `--rke2` and `--containerd` in the order given (the order of the columns); the default pair when none. */
function releasesFromOptions(args: readonly string[], byDefault: Distribution): Release[] {
  const { tokens } = parseCommand(args, resolveOptions, false);
  const asked = askedReleases(tokens);
  return asked.length > 0 ? asked : releasesFor(undefined, byDefault);
}

/** The releases named by `--k3s`, `--rke2` and `--containerd`, in the order given; [] when none. */
function askedReleases(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): Release[] {
  return tokens.flatMap((token) =>
    token.kind === 'option' && (token.name === 'k3s' || token.name === 'rke2' || token.name === 'containerd') && token.value !== undefined ? releasesFor([token.value], token.name) : [],
  );
}

/**
 * A certs.d folder: each subdirectory is a registry's directory, read with its hosts.toml (or as an
 * empty file when it has none: containerd still uses the directory, for certificate files only).
 */
function readHostsDir(io: CliIO, path: string): Record<string, string> {
  let entries: { name: string; isDirectory: boolean }[];
  try {
    entries = io.readDir(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such directory' : error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot read ${path}: ${reason}`);
  }
  const dirs = entries.filter((entry) => entry.isDirectory).map((entry) => entry.name).sort();
  if (dirs.length > MAX_HOSTS_DIRS) throw new UserError(`${path} has ${dirs.length} directories; at most ${MAX_HOSTS_DIRS} are read`);
  const tree: Record<string, string> = {};
  for (const dir of dirs) {
    try {
      tree[dir] = io.readFile(`${path}/${dir}/hosts.toml`);
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw new UserError(`cannot read ${path}/${dir}/hosts.toml: ${error instanceof Error ? error.message : String(error)}`);
      tree[dir] = '';
    }
  }
  return tree;
}

function runRender(args: readonly string[], io: CliIO): number {
  const { values, tokens } = parseCommand(args, renderOptions, false);
  if (values.help === true) {
    io.stdout(usage(io));
    return exitCodes.ok;
  }
  const format = values.format ?? 'html';
  if (format !== 'html' && format !== 'md') throw new UserError(`--format must be html or md, not "${format}"`);
  const hostsDirPath = values['hosts-dir'];
  if (values.config === undefined && hostsDirPath === undefined) throw new UserError('render needs --config FILE, --hosts-dir DIR or both');
  const product: Distribution = values.config === undefined ? 'containerd' : values.rke2 !== undefined && values.k3s === undefined ? 'rke2' : 'k3s';
  const named = askedReleases(tokens);
  const releases = named.length > 0 ? named : releasesFor(undefined, product);
  const images = [...(values.image ?? []), ...(values['images-file'] ?? []).flatMap((file) => imagesFromFile(readText(io, file)))];
  const state: PlaygroundState = {
    ...defaultState,
    yaml: values.config === undefined ? '' : readText(io, values.config),
    certsD: Object.entries(hostsDirPath === undefined ? {} : readHostsDir(io, hostsDirPath)).map(([dir, toml]) => ({ dir, toml })),
    images: images.length > 0 ? images : defaultState.images,
    product,
    versions: releases.map((release) => release.id),
    flags: { disableDefaultRegistryEndpoint: values['disable-default-registry-endpoint'] === true, embeddedRegistry: values['embedded-registry'] === true },
  };
  const playground = values.playground ?? PUBLISHED_SITE;
  if (!URL.canParse(playground) || !/^https?:$/.test(new URL(playground).protocol)) throw new UserError(`--playground must be an http(s) URL, not "${playground}"`);
  io.stdout(escapeControls(renderChains(state, releases, format, new URL(playground).href.replace(/#.*$/, ''))));
  return exitCodes.ok;
}

const renderOptions = {
  ...inputOptions,
  format: { type: 'string' },
  playground: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function runLint(args: readonly string[], io: CliIO): number {
  const { values, positionals, tokens } = parseCommand(args, lintOptions, true);
  if (values.help === true) {
    io.stdout(usage(io));
    return exitCodes.ok;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'github', 'sarif'].includes(format)) throw new UserError(`--format must be text, json, github or sarif, not "${format}"`);
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'note') throw new UserError(`--fail-on must be error, warning or note, not "${failOn}"`);
  const hostsDirPath = values['hosts-dir'];
  if (positionals.length === 0 && hostsDirPath === undefined) throw new UserError('lint needs a registries.yaml FILE (or --hosts-dir DIR)');
  const named = askedReleases(tokens);
  const hostsDirs = hostsDirPath === undefined ? undefined : readHostsDir(io, hostsDirPath);
  const images = [...(values.image ?? [])];
  const common = { ...(named.length > 0 ? { releases: named } : {}), ...(hostsDirs !== undefined ? { hostsDirs, hostsDirPath } : {}), images };
  const files = positionals.length === 0 ? lintFile('(no registries.yaml)', '', common).slice(1) : positionals.flatMap((path) => lintFile(path, readText(io, path), common));
  io.stdout(escapeControls(renderLint(files, format as LintFormat, rulesSite(values['rules-url']))));
  return failsAt(files, failOn) ? exitCodes.invalidConfig : exitCodes.ok;
}

const lintOptions = {
  'hosts-dir': { type: 'string' },
  k3s: { type: 'string', multiple: true },
  rke2: { type: 'string', multiple: true },
  containerd: { type: 'string', multiple: true },
  image: { type: 'string', multiple: true },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'rules-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Where the rule pages are published: --rules-url, else the playground's site. */
function rulesSite(given: string | undefined): string {
  if (given === undefined) return PUBLISHED_SITE;
  if (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol)) throw new UserError(`--rules-url must be an http(s) URL, not "${given}"`);
  return given;
}

async function runExplainError(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(args);
  if (values.help === true) {
    io.stdout(usage(io));
    return exitCodes.ok;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`--format must be text or json, not "${format}"`);
  const errorText = values['error-file'] === undefined ? await io.readStdin() : readText(io, values['error-file']);
  if (errorText.trim() === '') throw new UserError('explain-error reads the error text on stdin (or --error-file FILE)');
  const hostsDirPath = values['hosts-dir'];
  const explained = explainError({
    errorText,
    registriesYaml: values.config === undefined ? '' : readText(io, values.config),
    hostsDirs: hostsDirPath === undefined ? undefined : readHostsDir(io, hostsDirPath),
    releases: releasesFromOptions(args, values.config === undefined && hostsDirPath !== undefined ? 'containerd' : 'k3s'),
    images: [...(values.image ?? [])],
  });
  io.stdout(escapeControls(renderExplanation(explained, format)));
  return exitCodes.ok;
}

function runVersions(args: readonly string[], io: CliIO): number {
  const { values } = parseCommand(args, { rke2: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const, false);
  if (values.help === true) {
    io.stdout(usage(io));
    return exitCodes.ok;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`--format must be text or json, not "${format}"`);
  io.stdout(renderVersions(values.rke2 === true ? 'rke2' : 'k3s', format));
  return exitCodes.ok;
}

async function runBatchCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(usage(io));
    return exitCodes.ok;
  }
  if (args.length > 0) throw new UserError(`batch takes no arguments (got ${args.join(' ')}); it reads requests on stdin`);
  const { output, failed } = runBatch(await io.readStdin());
  io.stdout(output);
  if (failed > 0) io.stderr(`error: ${failed} request(s) were invalid; see their "error" fields.\n`);
  return failed > 0 ? exitCodes.invalidConfig : exitCodes.ok;
}

function parseOptions(args: readonly string[]) {
  return parseCommand(args, resolveOptions, false);
}

/** A command's options, strictly (with the tokens, for options whose order matters); what parseArgs rejects is a usage error. */
function parseCommand<Options extends NonNullable<ParseArgsConfig['options']>, Positionals extends boolean>(args: readonly string[], options: Options, allowPositionals: Positionals) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
}

function readText(io: CliIO, path: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new UserError(`cannot read ${path}: ${reason}`);
  }
}

/** One image per line; blank lines and # comments are skipped. */
export function imagesFromFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+#.*$|^#.*$/, '').trim())
    .filter((line) => line !== '');
}
