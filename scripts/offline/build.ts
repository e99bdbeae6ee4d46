/**
 * `npm run build:offline`: the playground as one file, dist/k3s-registry-playground.html, that
 * runs from disk with no network (CyberChef's model). Builds with vite.offline.config.ts, stamps
 * the footer with the SHA-256 of the file's contents, and writes dist/offline.json (name, bytes,
 * hash) for the hosted page's "Download for offline use" link.
 *
 * The stamped hash is of the file with the hash itself written as 64 zeros, so anyone can check it:
 *   sed "s/$HASH/$(printf '0%.0s' $(seq 64))/" k3s-registry-playground.html | sha256sum
 * dist/k3s-registry-playground.html.sha256 has the plain sha256sum of the final file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { OFFLINE_FOOTER_MARK } from './singleFile.ts';

export const OFFLINE_FILE = 'k3s-registry-playground.html';
const PLACEHOLDER = '0'.repeat(64);

export function stampOffline(page: string, version: string): string {
  // The singleFile plugin marks the place before the inline code: the first mark (the code may contain any text).
  const at = page.indexOf(OFFLINE_FOOTER_MARK);
  if (at === -1) throw new Error('offline build: no footer mark in the page');
  const before = `${page.slice(0, at)}<footer class="offline-footer" aria-label="About this file"><p>K3s Registry Playground ${version}, single-file offline build. Runs entirely from this file: no network requests. SHA-256 of its contents: <code data-offline-hash>`;
  const after = `</code></p></footer>${page.slice(at + OFFLINE_FOOTER_MARK.length)}`;
  const hash = createHash('sha256').update(before + PLACEHOLDER + after).digest('hex');
  return before + hash + after;
}

export async function buildOffline(dist = 'dist'): Promise<{ file: string; bytes: number; gzipBytes: number; sha256: string }> {
  await build({ configFile: 'vite.offline.config.ts', logLevel: 'warn' });
  // The default page prerendered, as on the hosted site: the chains are on screen before the one big script has run.
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('tsx/cli'), 'scripts/prerender.tsx', 'build/offline', '--offline'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  // No build date: the same sources make the same bytes (the hosted site's service worker sees no update).
  const page = stampOffline(readFileSync('build/offline/index.html', 'utf8'), version);
  mkdirSync(dist, { recursive: true });
  writeFileSync(`${dist}/${OFFLINE_FILE}`, page);
  const sha256 = createHash('sha256').update(page).digest('hex');
  writeFileSync(`${dist}/${OFFLINE_FILE}.sha256`, `${sha256}  ${OFFLINE_FILE}\n`);
  const info = { file: OFFLINE_FILE, bytes: Buffer.byteLength(page), gzipBytes: gzipSync(page, { level: 9 }).length, sha256 };
  writeFileSync(`${dist}/offline.json`, `${JSON.stringify(info)}\n`);
  return info;
}

if (process.argv[1] !== undefined && import.meta.filename === (await import('node:path')).resolve(process.argv[1])) {
  const info = await buildOffline(process.argv[2] ?? 'dist');
  console.log(`wrote dist/${info.file}: ${(info.bytes / 1e6).toFixed(2)} MB (${(info.gzipBytes / 1e6).toFixed(2)} MB gzipped), sha256 ${info.sha256}`);
}
