import { diagnosticCodes, newestRelease, olderReleases, parseRegistriesYaml, releaseOf, resolve, type Diagnostic, type Release, type Severity } from '../resolver/index.ts';
import { buildTimeline } from '../resolver/timeline.ts';
import { RE2JS } from 're2js';
import { PUBLISHED_SITE, ruleUrl } from '../share/ruleLinks.ts';
import { resolveInput } from './request.ts';
import { terminalJson } from './terminal.ts';

/** One linted file (a registries.yaml, or a hosts.toml of the certs.d given) and its findings. */
export interface LintedFile {
  path: string;
  diagnostics: Diagnostic[];
}

export type LintFormat = 'text' | 'json' | 'github' | 'sarif';
export type FailOn = 'error' | 'warning' | 'note';

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
const FAIL_RANK: Readonly<Record<FailOn, number>> = { error: 3, warning: 2, note: 1 };

/**
 * The releases a file is checked against when none are named: the newest, and the first release of
 * every run of patches where the timeline says the file behaves differently (or breaks).
 */
export function releasesWhereItDiffers(registriesYaml: string, hostsDirs: Readonly<Record<string, string>> | undefined, images: readonly string[]): Release[] {
  const timeline = buildTimeline({ registriesYaml, images, product: 'k3s', disableDefaultRegistryEndpoint: false, embeddedRegistry: false, regexEngine: RE2JS, olderReleases, ...(hostsDirs !== undefined ? { hostsDirs } : {}) });
  const names = [newestRelease(), ...timeline.lines.flatMap((line) => line.cells.filter((cell) => cell.status !== 'same').map((cell) => cell.first))];
  return [...new Set(names)].map((name) => releaseOf(name));
}

/** Images that exercise a file when none are given: common registries, and one per registry the file names. */
export function probeImages(registriesYaml: string, hostsDirs: Readonly<Record<string, string>> | undefined): string[] {
  const parsed = parseRegistriesYaml(registriesYaml);
  const named = parsed.loadable ? [...parsed.registry.mirrors.keys(), ...parsed.registry.configs.keys()] : [];
  const fromDirs = Object.keys(hostsDirs ?? {}).map((dir) => dir.replace(/_(\d+)_$/, ':$1'));
  const registries = [...new Set([...named, ...fromDirs])].filter((name) => /^[a-z0-9.-]+(?::\d+)?$/i.test(name) && name !== 'docker.io');
  return ['nginx:1.27', 'rancher/mirrored-pause:3.6', 'quay.io/coreos/etcd:v3.6.0-rc.1', 'registry.k8s.io/pause:3.10', ...registries.map((name) => `${name}/team/app:1.0`)];
}

/** Lints one registries.yaml (with the certs.d files, if any): its findings, and those of each hosts.toml, by file. */
export function lintFile(path: string, registriesYaml: string, options: { releases?: Release[]; hostsDirs?: Record<string, string>; hostsDirPath?: string; images: string[] }): LintedFile[] {
  const images = options.images.length > 0 ? options.images : probeImages(registriesYaml, options.hostsDirs);
  const releases = options.releases ?? releasesWhereItDiffers(registriesYaml, options.hostsDirs, images);
  const resolution = resolve(resolveInput({ registriesYaml, hostsDirs: options.hostsDirs, images, releases }));
  const own = resolution.diagnostics.filter((found) => found.file === undefined);
  const byDir = new Map<string, Diagnostic[]>();
  for (const found of resolution.diagnostics) if (found.file !== undefined) byDir.set(found.file, [...(byDir.get(found.file) ?? []), found]);
  return [{ path, diagnostics: own }, ...[...byDir].map(([dir, diagnostics]) => ({ path: `${options.hostsDirPath ?? 'certs.d'}/${dir}/hosts.toml`, diagnostics }))];
}

/** Whether the findings reach the --fail-on level. */
export function failsAt(files: readonly LintedFile[], failOn: FailOn): boolean {
  return files.some((file) => file.diagnostics.some((found) => RANK[found.severity] >= FAIL_RANK[failOn]));
}

/**
 * Every format links each finding to its code's page: `site` is where the rule pages are
 * published (the playground's own site unless `--rules-url` says otherwise).
 */
export function renderLint(files: readonly LintedFile[], format: LintFormat, site: string = PUBLISHED_SITE): string {
  switch (format) {
    case 'text':
      return renderText(files, site);
    case 'json':
      return `${terminalJson(files.map((file) => ({ ...file, diagnostics: file.diagnostics.map((found) => ({ ...found, help: ruleUrl(found.code, site) })) })))}\n`;
    case 'github':
      return renderGithub(files, site);
    case 'sarif':
      return `${JSON.stringify(sarifLog(files, site), null, 2)}\n`;
  }
}

function renderText(files: readonly LintedFile[], site: string): string {
  const lines = files.flatMap((file) => file.diagnostics.map((found) => `${file.path}:${found.line}:${found.column}: ${found.severity} ${found.code}: ${found.message}`));
  const count = lines.length;
  const codes = [...new Set(files.flatMap((file) => file.diagnostics.map((found) => found.code)))];
  const rules = codes.length === 0 ? '' : `\nWhat each code means, why, and the fix:\n${codes.map((code) => `  ${code}  ${ruleUrl(code, site)}\n`).join('')}`;
  return `${lines.join('\n')}${count > 0 ? '\n' : ''}${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`}\n${rules}`;
}

/** GitHub workflow commands: one annotation per finding, at its place. */
function renderGithub(files: readonly LintedFile[], site: string): string {
  const level: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };
  return files
    .flatMap((file) =>
      file.diagnostics.map((found) => {
        const properties = [`file=${property(file.path)}`, `line=${found.line}`, `col=${found.column}`, `endLine=${found.endLine}`, `endColumn=${found.endColumn}`, `title=${property(found.code)}`].join(',');
        return `::${level[found.severity]} ${properties}::${data(`${found.message} (${ruleUrl(found.code, site)})`)}\n`;
      }),
    )
    .join('');
}

/** Workflow command escaping (actions/toolkit): data escapes %, CR, LF; properties also : and ,. */
function data(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function property(text: string): string {
  return data(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF 2.1.0 log: one rule per diagnostic code (its summary as help, its page as helpUri), one result per finding with its region. */
export function sarifLog(files: readonly LintedFile[], site: string = PUBLISHED_SITE) {
  const codes = Object.keys(diagnosticCodes) as (keyof typeof diagnosticCodes)[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k3s-registry-playground',
            informationUri: new URL(site.endsWith('/') ? site : `${site}/`).href,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: diagnosticCodes[code].summary },
              help: { text: `${diagnosticCodes[code].summary}. ${ruleUrl(code, site)}`, markdown: `${diagnosticCodes[code].summary}. [What it means, why, and the fix](${ruleUrl(code, site)})` },
              helpUri: ruleUrl(code, site),
              defaultConfiguration: { level: SARIF_LEVEL[diagnosticCodes[code].severity] },
            })),
          },
        },
        results: files.flatMap((file) =>
          file.diagnostics.map((found) => ({
            ruleId: found.code,
            ruleIndex: codes.indexOf(found.code),
            level: SARIF_LEVEL[found.severity],
            message: { text: found.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.path },
                  region: { startLine: found.line, startColumn: found.column, endLine: found.endLine, endColumn: Math.max(found.endColumn, found.endLine === found.line ? found.column : 1) },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
