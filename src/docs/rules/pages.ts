import { diagnosticCodes, resolve, releaseOf, type DiagnosticCode, type Severity } from '../../resolver/index.ts';
import { encodeState } from '../../share/codec.ts';
import { escapeHtml } from '../../share/html.ts';
import { ruleFile } from '../../share/ruleLinks.ts';
import { defaultState, type PlaygroundState } from '../../share/state.ts';
import { affectedReleases, type AffectedReleases, type ReleaseRun } from './affected.ts';
import { exampleInput, ruleExamples, type RuleExample } from './examples.ts';
import { ruleTexts } from './content.ts';

/** Everything one rule page shows, computed from the engine and the rule's data. */
export interface RulePage {
  code: DiagnosticCode;
  severity: Severity;
  summary: string;
  why: string;
  fix: string;
  example: RuleExample;
  /** What the engine says about the example, at its line. */
  message: string;
  affected: AffectedReleases;
  /** The example as a playground state, for "Open in the playground". */
  state: PlaygroundState;
}

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function rulePage(code: DiagnosticCode): RulePage {
  const example = ruleExamples[code];
  const releases = example.releases ?? [...defaultState.versions];
  const found = resolve(exampleInput(example, releases.map((name) => releaseOf(name)))).diagnostics.find((diagnostic) => diagnostic.code === code && diagnostic.file === example.file);
  if (found === undefined) throw new Error(`the example of ${code} does not produce it`);
  const containerdOnly = example.yaml === '' && releases.every((name) => name.startsWith('containerd '));
  return {
    code,
    severity: diagnosticCodes[code].severity,
    summary: diagnosticCodes[code].summary,
    ...ruleTexts[code],
    example,
    message: found.message,
    affected: affectedReleases(code, example),
    state: {
      ...defaultState,
      yaml: example.yaml,
      product: containerdOnly ? 'containerd' : 'k3s',
      versions: releases,
      certsD: Object.entries(example.hostsDirs ?? {}).map(([dir, toml]) => ({ dir, toml })),
      flags: { ...defaultState.flags, disableDefaultRegistryEndpoint: example.flags?.disableDefaultRegistryEndpoint ?? false },
    },
  };
}

/** Prose with `inline code`. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Long lines (the output-cut example) are shown cut: the page is for reading. */
function shown(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 120 ? `${line.slice(0, 100)}… (${line.length - 100} more characters)` : line))
    .join('\n');
}

function exampleBlock(example: RuleExample): string {
  const marked = (text: string, line: number) =>
    shown(text)
      .replace(/\n$/, '')
      .split('\n')
      .map((content, index) => (index + 1 === line ? `<mark>${escapeHtml(content) || ' '}</mark>` : escapeHtml(content)))
      .join('\n');
  const yaml = example.yaml === '' ? '' : `<figure><figcaption>registries.yaml</figcaption><pre><code>${marked(example.yaml, example.file === undefined ? example.line : 0)}</code></pre></figure>`;
  const files = Object.entries(example.hostsDirs ?? {})
    .map(([dir, text]) => `<figure><figcaption>certs.d/${escapeHtml(dir)}/hosts.toml</figcaption><pre><code>${text === '' ? '<i>(a directory without hosts.toml)</i>' : marked(text, dir === example.file ? example.line : 0)}</code></pre></figure>`)
    .join('');
  const flags = example.flags?.disableDefaultRegistryEndpoint === true ? '<p>With <code>--disable-default-registry-endpoint</code>.</p>' : '';
  const releases = example.releases !== undefined ? `<p>Compared releases: ${example.releases.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')}.</p>` : '';
  return yaml + files + flags + releases;
}

function runList(runs: readonly ReleaseRun[]): string {
  const byLine = new Map<string, ReleaseRun[]>();
  for (const run of runs) byLine.set(run.line, [...(byLine.get(run.line) ?? []), run]);
  const rows = [...byLine].map(([line, lineRuns]) => `<tr><th scope="row">${escapeHtml(line)}</th><td>${lineRuns.map((run) => escapeHtml(run.first === run.last ? run.first : `${run.first} – ${run.last}`)).join(', ')}</td></tr>`);
  return `<table><thead><tr><th scope="col">Line</th><th scope="col">Releases</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function affectedBlock(affected: AffectedReleases): string {
  const parts: string[] = [];
  if (affected.allK3s) parts.push('<p>Every K3s and RKE2 release the playground models (v1.21 to today).</p>');
  else if (affected.k3s.length > 0) parts.push(`<p>K3s (and the RKE2 releases of the same patches):</p>${runList(affected.k3s)}`);
  if (affected.allContainerd) parts.push('<p>Every upstream containerd release the playground models (1.7 and 2.x).</p>');
  else if (affected.containerd.length > 0) parts.push(`<p>Upstream containerd:</p>${runList(affected.containerd)}`);
  if (parts.length === 0) parts.push('<p>No release with this example alone.</p>');
  return `${parts.join('')}<p class="muted">Found by resolving the example above against every release, not written by hand.</p>`;
}

const STYLE = `body{font:16px/1.55 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem 1.25rem 3rem;color:#1f2328;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#58a6ff}}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
pre{background:rgb(127 127 127/.12);padding:.75rem 1rem;border-radius:6px;overflow:auto}
mark{background:rgb(255 196 0/.35);color:inherit}
figure{margin:0 0 1rem}figcaption{font-size:.85em;font-weight:600}
table{border-collapse:collapse}th,td{border:1px solid rgb(127 127 127/.4);padding:.3rem .6rem;text-align:left;vertical-align:top}
.muted{opacity:.75;font-size:.9em}.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;border:1px solid currentColor;font-size:.8em}
nav{margin-bottom:1rem}ul.rules{padding-left:1.2rem}`;

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** One rule's page, at `rules/<code>.html`: links are relative to it. */
export function renderRulePage(page: RulePage): string {
  const playground = `../#${encodeState(page.state)}`;
  return document(
    `${page.code} — K3s Registry Playground`,
    `<nav><a href="./">All rules</a> · <a href="../">Playground</a></nav>
<main>
<h1><code>${escapeHtml(page.code)}</code></h1>
<p><span class="badge">${SEVERITY_WORD[page.severity]}</span></p>
<h2>What it means</h2>
<p>${prose(page.summary)}. For the example below the playground says:</p>
<blockquote><p>${prose(page.message)}</p></blockquote>
<h2>Why</h2>
<p>${prose(page.why)}</p>
<h2>Minimal example</h2>
${exampleBlock(page.example)}
<p><a href="${escapeHtml(playground)}">Open this example in the playground</a></p>
<h2>Fix</h2>
<p>${prose(page.fix)}</p>
<h2>Affected releases</h2>
${affectedBlock(page.affected)}
</main>`,
  );
}

/** The index of every rule, at `rules/index.html`. */
export function renderRulesIndex(pages: readonly RulePage[]): string {
  const items = pages.map((page) => `<li><a href="./${escapeHtml(ruleFile(page.code))}"><code>${escapeHtml(page.code)}</code></a> — ${SEVERITY_WORD[page.severity]}: ${prose(page.summary)}</li>`);
  return document(
    'Diagnostics — K3s Registry Playground',
    `<nav><a href="../">Playground</a></nav>
<main>
<h1>Diagnostics</h1>
<p>Every diagnostic the playground, <code>lint</code> and the package report, with what it means, why K3s or containerd behave so, a minimal example, the fix and the releases it affects.</p>
<ul class="rules">${items.join('')}</ul>
</main>`,
  );
}

/** Every page of the rules folder: file name -> HTML. */
export function rulesSite(): Record<string, string> {
  const pages = (Object.keys(diagnosticCodes) as DiagnosticCode[]).map((code) => rulePage(code));
  return Object.fromEntries([['index.html', renderRulesIndex(pages)], ...pages.map((page) => [ruleFile(page.code), renderRulePage(page)] as const)]);
}
