import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { lintFile } from '../src/cli/lint.ts';
import { buildPackage } from '../scripts/package.ts';
import { ms, summarize, type BenchRow } from './measure.ts';

/** The element's budget (issue 12): element.js and what it imports before drawing, gzipped. */
export const ELEMENT_BUDGET_BYTES = 60_000;

export interface ElementSizes {
  /** gzip bytes of element.js and its static imports: what a docs page loads. */
  eager: number;
  eagerFiles: string[];
  /** Chunks fetched on demand, by file, gzip bytes. */
  lazy: { file: string; bytes: number }[];
  /** Whether the RE2 engine is among the eager files (it must not be). */
  regexEngineEager: boolean;
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
/** A string only re2js contains (one of its parser's error messages): names do not survive minification, messages do. */
const RE2JS_MARK = 'invalid or unsupported Perl syntax';

/** Follows element.js's static imports (`from"./element/…"`); dynamic `import(…)` targets are lazy. */
export function measureElement(dist = 'dist'): ElementSizes {
  const eagerFiles: string[] = [];
  const lazyFiles = new Set<string>();
  const visit = (file: string) => {
    if (eagerFiles.includes(file)) return;
    eagerFiles.push(file);
    const text = readFileSync(`${dist}/${file}`, 'utf8');
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const [, target] of text.matchAll(/from\s*["'`]\.\/([^"'`]+)["'`]/g)) if (target !== undefined) visit(base + target);
    for (const [, target] of text.matchAll(/import\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g)) if (target !== undefined) lazyFiles.add(base + target);
  };
  visit('element.js');
  return {
    eager: eagerFiles.reduce((sum, file) => sum + gzipSize(`${dist}/${file}`), 0),
    eagerFiles,
    lazy: [...lazyFiles].filter((file) => !eagerFiles.includes(file)).map((file) => ({ file, bytes: gzipSize(`${dist}/${file}`) })),
    regexEngineEager: eagerFiles.some((file) => readFileSync(`${dist}/${file}`, 'utf8').includes(RE2JS_MARK)),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function docsRows(): BenchRow[] {
  const element = measureElement();
  const rows: BenchRow[] = [
    { benchmark: 'element.js (gzip)', case: `element.js + static imports (${element.eagerFiles.length} files); re2js eager: ${element.regexEngineEager ? 'yes' : 'no'}`, figure: kb(element.eager), goal: `<= ${kb(ELEMENT_BUDGET_BYTES)}` },
    ...element.lazy.map((chunk) => ({ benchmark: 'element.js (gzip)', case: `on demand: ${chunk.file}${readFileSync(`dist/${chunk.file}`, 'utf8').includes(RE2JS_MARK) ? ' (re2js, files with rewrites)' : ' (releases before April 2024)'}`, figure: kb(chunk.bytes) })),
  ];

  const tarball = buildPackage();
  const listing = execFileSync('tar', ['tzvf', tarball], { encoding: 'utf8' }).trim().split('\n');
  const unpacked = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] ?? 0), 0);
  rows.push({ benchmark: 'npm package', case: `packed tarball (${listing.length} files; ${kb(unpacked)} unpacked)`, figure: kb(statSync(tarball).size) });

  const corpus = JSON.parse(readFileSync(new URL('../../shared/data/real-world-configs.json', import.meta.url), 'utf8')) as { id: string; registries_yaml: string }[];
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    findings = corpus.reduce((sum, entry) => sum + lintFile(`${entry.id}.yaml`, entry.registries_yaml, { images: [] }).reduce((count, file) => count + file.diagnostics.length, 0), 0);
    times.push(performance.now() - started);
  }
  const lint = summarize(times);
  rows.push({ benchmark: 'lint', case: `${corpus.length} real-world files in one process (default releases: newest + where each differs; ${findings} findings)`, figure: `${ms(lint.median)} (${ms(lint.median / corpus.length)} per file)` });
  return rows;
}
