import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildId, lazyList, precacheList, serviceWorkerSource } from '../scripts/serviceWorker.ts';
import { stampOffline } from '../scripts/offline/build.ts';
import { OFFLINE_FOOTER_MARK } from '../scripts/offline/singleFile.ts';
import { createHash } from 'node:crypto';

function site(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, name)), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  return dist;
}

describe('the service worker build', () => {
  const files = {
    'index.html': '<html></html>',
    'assets/index-a1.js': 'app',
    'assets/older-b2.js': 'older',
    'assets/build-c3.js': 're2js',
    'assets/MonacoEditor-d4.js': 'monaco',
    'assets/editor.api-e5.js': 'monaco api',
    'assets/editor.worker-f6.js': 'worker',
    'assets/codicon-g7.ttf': 'font',
    'schema/registries.schema.json': '{}',
    'manifest.webmanifest': '{}',
    'rules/unknown-key.html': 'page',
    'k3s-registry-playground.html': 'one file',
  };

  it('precaches the shell and the engine, never Monaco (cached on first use) or the big offline file', () => {
    expect(precacheList(site(files))).toEqual(['assets/build-c3.js', 'assets/index-a1.js', 'assets/older-b2.js', 'index.html', 'manifest.webmanifest', 'schema/registries.schema.json']);
    expect(lazyList(site(files))).toEqual(['assets/MonacoEditor-d4.js', 'assets/codicon-g7.ttf', 'assets/editor.api-e5.js', 'assets/editor.worker-f6.js']);
  });

  it('changes its bytes exactly when a precached file changes', () => {
    const a = site(files);
    const same = site(files);
    const changed = site({ ...files, 'assets/index-a1.js': 'app v2' });
    const monacoOnly = site({ ...files, 'assets/MonacoEditor-d4.js': 'monaco v2' });
    const source = (dist: string) => serviceWorkerSource(buildId(dist, precacheList(dist)), precacheList(dist), lazyList(dist));
    expect(source(same)).toBe(source(a));
    expect(source(changed)).not.toBe(source(a));
    // Monaco's contents are not precached (a new Monaco has new file names, which are in the list).
    expect(source(monacoOnly)).toBe(source(a));
    // It waits for the page's word before taking over.
    expect(source(a)).toContain("self.skipWaiting();");
    expect(source(a)).not.toMatch(/addEventListener\('install'[^}]*skipWaiting/);
  });
});

describe('the offline file stamp', () => {
  it('is the SHA-256 of the file with the stamp written as zeros, placed at the mark before the inline code', () => {
    const page = `<html><body><div id="root"></div>${OFFLINE_FOOTER_MARK}\n<script type="module">const s = "${OFFLINE_FOOTER_MARK}</body>";</script></body></html>`;
    const stamped = stampOffline(page, '1.2.3');
    const hash = /data-offline-hash>([0-9a-f]{64})</.exec(stamped)?.[1] ?? '';
    expect(createHash('sha256').update(stamped.replace(hash, '0'.repeat(64))).digest('hex')).toBe(hash);
    expect(stamped).toContain('<div id="root"></div><footer');
    expect(stampOffline(page, '1.2.3')).toBe(stamped);
  });
});
