import { test, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeState } from '../src/share/codec.ts';
import { defaultState } from '../src/share/state.ts';
import { column, openCard, typeInMonaco } from './support/fixtures.ts';

const FILE = resolve('dist/k3s-registry-playground.html');
const fileUrl = pathToFileURL(FILE).href;

/** Every request the page makes, and none may leave the file: the page itself, data: and blob: URLs only. */
function watchRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!(url === fileUrl || url.startsWith(`${fileUrl}#`) || url.startsWith(`${fileUrl}?`) || url.startsWith('data:') || url.startsWith('blob:'))) foreign.push(url);
  });
  return foreign;
}

test.describe('the single offline file', () => {
  test.beforeEach(async ({ context }) => {
    // No network at all: anything that is not the file itself is refused.
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('internetdisconnected')));
    await context.setOffline(true);
  });

  test('opens from file:// with no requests, resolves the seed, and an edit in Monaco updates the chains', async ({ page }) => {
    const foreign = watchRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(fileUrl);
    // The default page is prerendered into the file, and the app takes it over (no hydration mismatch: no console error).
    await expect(page.locator('#root[data-prerendered]')).toHaveCount(1);
    await openCard(page, 'nginx:1.27');
    await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1').getByRole('listitem')).toHaveCount(1);
    await expect(column(page, 'nginx:1.27', 'v1.32.3+k3s1').getByRole('listitem')).toHaveCount(2);
    // Monaco, with its workers started from blob: URLs inside the file.
    await typeInMonaco(page, 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://mirror.example.com"');
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('mirror.example.com');
    await openCard(page, 'nginx:1.27');
    await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1').getByRole('listitem').first()).toContainText('https://mirror.example.com/v2/library/nginx/manifests/1.27?ns=docker.io');
    // The schema travels inside the file: a wrong type is marked by the YAML worker.
    await typeInMonaco(page, 'mirrors:\n  docker.io:\n    endpoint: 42');
    await expect(page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first()).toBeVisible();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a permalink pasted into the address bar opens its state', async ({ page }) => {
    const foreign = watchRequests(page);
    const state = { ...defaultState, yaml: 'mirrors:\n  quay.io:\n    endpoint: ["https://quay-mirror.example.com"]\n', images: ['quay.io/coreos/etcd:v3.6.0-rc.1'] };
    await page.goto(`${fileUrl}?editor=plain#${encodeState(state)}`);
    await openCard(page, 'quay.io/coreos/etcd:v3.6.0-rc.1');
    await expect(column(page, 'quay.io/coreos/etcd:v3.6.0-rc.1', 'v1.32.3+k3s1').getByRole('listitem').first()).toContainText('https://quay-mirror.example.com/v2/coreos/etcd/manifests/v3.6.0-rc.1?ns=quay.io');
    expect(foreign).toEqual([]);
  });

  test('carries the hash of its contents in the footer', async ({ page }) => {
    await page.goto(`${fileUrl}?editor=plain`);
    const shown = await page.locator('[data-offline-hash]').textContent();
    const text = readFileSync(FILE, 'utf8');
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    // The hash is of the file with the hash written as 64 zeros (anyone can check it with sed and sha256sum).
    expect(text.split(shown ?? '').length).toBe(2);
    expect(createHash('sha256').update(text.replace(shown ?? '', '0'.repeat(64))).digest('hex')).toBe(shown);
  });
});
