import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './measure.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface TransferSizes {
  /** gzip bytes of JavaScript and CSS loaded before the first chains render. */
  firstView: { js: number; css: number; files: string[] };
  /** gzip bytes of the Monaco chunks (editor, CSS, workers), loaded later. */
  monaco: { bytes: number; files: string[] };
  /** gzip bytes of the RE2 engine, loaded only for files with rewrites. */
  regexEngine: number;
}

/** The first-view budget (issue 5): JavaScript and CSS before the first chains. */
export const FIRST_VIEW_BUDGET_BYTES = 150_000;

const gzipSize = (dist: string, file: string) => gzipSync(readFileSync(`${dist}/${file}`), { level: 9 }).length;

/** Reads the build manifest: the entry and its static imports are the first view, the rest is lazy. */
export function measureTransfer(dist = 'dist'): TransferSizes {
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry && chunk.src === 'index.html');
  if (entry === undefined) throw new Error('no index.html entry in the build manifest; run npm run build');
  const seen = new Set<string>();
  const js: string[] = [];
  const css: string[] = [];
  const visit = (chunk: ManifestChunk) => {
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    js.push(chunk.file);
    css.push(...(chunk.css ?? []));
    for (const name of chunk.imports ?? []) {
      const imported = manifest[name];
      if (imported !== undefined) visit(imported);
    }
  };
  visit(entry);
  const monacoChunk = Object.values(manifest).find((chunk) => chunk.src?.includes('MonacoEditor'));
  const workers = readdirSync(`${dist}/assets`).filter((file) => /worker.*\.js$/.test(file)).map((file) => `assets/${file}`);
  const monacoFiles = monacoChunk === undefined ? workers : [monacoChunk.file, ...(monacoChunk.css ?? []), ...workers];
  const re2 = Object.values(manifest).find((chunk) => chunk.src?.includes('re2js'));
  // The re2js entry may be a small facade over a shared chunk: count what it adds to the first view.
  const re2Files = new Set<string>();
  const visitLazy = (chunk: ManifestChunk) => {
    if (seen.has(chunk.file) || re2Files.has(chunk.file)) return;
    re2Files.add(chunk.file);
    for (const name of chunk.imports ?? []) {
      const imported = manifest[name];
      if (imported !== undefined) visitLazy(imported);
    }
  };
  if (re2 !== undefined) visitLazy(re2);
  return {
    firstView: { js: js.reduce((sum, file) => sum + gzipSize(dist, file), 0), css: css.reduce((sum, file) => sum + gzipSize(dist, file), 0), files: [...js, ...css] },
    monaco: { bytes: monacoFiles.reduce((sum, file) => sum + gzipSize(dist, file), 0), files: monacoFiles },
    regexEngine: [...re2Files].reduce((sum, file) => sum + gzipSize(dist, file), 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** The single offline file (dist/offline.json, written by scripts/offline/build.ts). */
function offlineFileRows(dist = 'dist'): BenchRow[] {
  const info = JSON.parse(readFileSync(`${dist}/offline.json`, 'utf8')) as { bytes: number; gzipBytes: number };
  return [{ benchmark: 'single offline file', case: 'k3s-registry-playground.html: everything inline, Monaco included (raw / gzip)', figure: `${(info.bytes / 1e6).toFixed(2)} MB / ${(info.gzipBytes / 1e6).toFixed(2)} MB` }];
}

export function transferRows(sizes = measureTransfer()): BenchRow[] {
  const total = sizes.firstView.js + sizes.firstView.css;
  return [
    { benchmark: 'transfer (gzip)', case: `before first chains: JS ${kb(sizes.firstView.js)} + CSS ${kb(sizes.firstView.css)}`, figure: kb(total), goal: `<= ${kb(FIRST_VIEW_BUDGET_BYTES)}` },
    { benchmark: 'transfer (gzip)', case: `Monaco, lazy (${sizes.monaco.files.length} files: editor, CSS, workers)`, figure: kb(sizes.monaco.bytes) },
    { benchmark: 'transfer (gzip)', case: 're2js, lazy (only for files with rewrites)', figure: kb(sizes.regexEngine) },
    ...offlineFileRows(),
  ];
}
