import { readFileSync, writeFileSync } from 'node:fs';
import { buildId, lazyList, precacheList, serviceWorkerSource } from '../scripts/serviceWorker.ts';
import { column, expect, openCard, test, waitForMonaco } from './support/fixtures.ts';
import type { Page } from '@playwright/test';

/** Until this visit's page is controlled by the service worker: what "after one visit" means. */
async function controlled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after one visit the site reloads and works with the context offline, Monaco included', async ({ page, context }) => {
  await page.goto('/');
  await waitForMonaco(page);
  await controlled(page);
  // Monaco came before the worker took control: the page hands its files over to be kept. Every
  // file this visit loaded from the site ends up in a cache.
  const uncached = () =>
    page.evaluate(async () => {
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.startsWith(location.origin) && !url.endsWith('/sw.js'));
      const missing = await Promise.all(loaded.map(async (url) => ((await caches.match(url, { ignoreVary: true })) === undefined ? url : null)));
      return missing.filter((url) => url !== null);
    });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await expect.poll(uncached).toEqual([]);
  // All of Monaco is kept once it is used, its icon font included (the editor may need it only later).
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('k3s-rp-runtime')).keys()).map((request) => new URL(request.url).pathname.replace(/-[\w-]+\.(\w+)$/, '.$1')).sort())).toEqual(
    expect.arrayContaining(['/assets/MonacoEditor.js', '/assets/MonacoEditor.css', '/assets/codicon.ttf', '/assets/editor.api.js', '/assets/editor.worker.js', '/assets/yaml.worker.js']),
  );
  // The web app manifest names the app and its colours.
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { name: string; theme_color: string; icons: unknown[] };
  expect(manifest).toMatchObject({ name: 'K3s Registry Playground', theme_color: expect.stringMatching(/^#/) });
  expect(manifest.icons.length).toBeGreaterThan(0);

  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await context.setOffline(true);
  await page.reload();
  await openCard(page, 'nginx:1.27');
  await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1').getByRole('listitem')).toHaveCount(1);
  await expect(column(page, 'nginx:1.27', 'v1.32.3+k3s1').getByRole('listitem')).toHaveCount(2);
  // Monaco was cached when it was first used.
  await waitForMonaco(page);
  // An older release loads its support from the precache too.
  await page.getByRole('textbox', { name: 'Left release' }).fill('v1.28.5+k3s1');
  await page.getByRole('textbox', { name: 'Left release' }).press('Enter');
  await openCard(page, 'nginx:1.27');
  await expect(column(page, 'nginx:1.27', 'v1.28.5+k3s1').getByRole('listitem').first()).toContainText('example.com');
  expect(failed).toEqual([]);
  await context.setOffline(false);
});

test('a new build makes the open page show "Reload to update", and nothing changes until it is chosen', async ({ page }) => {
  await page.goto('/');
  await controlled(page);
  const first = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
  const published = readFileSync('dist/sw.js', 'utf8');
  try {
    // What `npm run build` writes when any precached file changed: the same list under a new build id.
    const precache = precacheList('dist');
    writeFileSync('dist/sw.js', serviceWorkerSource(`next-${buildId('dist', precache)}`, precache, lazyList('dist')));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of the playground is ready' });
    await expect(banner).toBeVisible();
    // Still this build's worker in charge until the user says so.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toBe(first);
    const reloaded = page.waitForEvent('framenavigated');
    await banner.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await controlled(page);
    await expect(page.getByRole('status').filter({ hasText: 'A new version of the playground is ready' })).toHaveCount(0);
    const buildOfController = await page.evaluate(async () => {
      const text = await (await fetch(navigator.serviceWorker.controller?.scriptURL ?? '')).text();
      return /build (\S+)\./.exec(text)?.[1] ?? '';
    });
    expect(buildOfController.startsWith('next-')).toBe(true);
  } finally {
    writeFileSync('dist/sw.js', published);
  }
});

test('an embed never registers a service worker', async ({ page }) => {
  await page.goto('/?embed');
  await openCard(page, 'nginx:1.27').catch(() => undefined);
  await expect(page.getByRole('link', { name: /Open in playground/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

test('the site offers the single file for offline use, with its size', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'Download for offline use' });
  await expect(link).toHaveAttribute('href', './k3s-registry-playground.html');
  const info = JSON.parse(readFileSync('dist/offline.json', 'utf8')) as { bytes: number };
  await expect(page.locator('.offline-download')).toContainText(`${(info.bytes / 1e6).toFixed(1)} MB`);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('k3s-registry-playground.html');
});
