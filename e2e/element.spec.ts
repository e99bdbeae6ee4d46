import AxeBuilder from '@axe-core/playwright';
import { encodeState } from '../src/share/codec.ts';
import { defaultState } from '../src/share/state.ts';
import { DOCS_ORIGIN, PLAYGROUND_ORIGIN } from './support/origins.ts';
import { column, expect, screenshot, test } from './support/fixtures.ts';

/** A docs page on the second origin with the element, loaded from the playground's origin. */
function docsPage(body: string): string {
  return `${DOCS_ORIGIN}/element?${new URLSearchParams({ src: `${PLAYGROUND_ORIGIN}/element.js`, body })}`;
}

const SEED = `<k3s-registry-chains images="nginx:1.27,quay.io/coreos/etcd:v3.6.0-rc.1" releases="v1.32.2+k3s1,v1.32.3+k3s1">
  <script type="text/yaml">
    mirrors:
      "*":
        endpoint:
          - "example.com"
  </script>
</k3s-registry-chains>`;

test('a plain HTML page on another origin shows the #11857 chains and their difference with element.js', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(docsPage(SEED));
  const chains = page.getByRole('region', { name: 'K3s registry endpoint chains' });
  const table = chains.getByRole('table');
  await expect(table).toContainText('v1.32.2+k3s1 vs v1.32.3+k3s1');
  const nginx = table.getByRole('row').filter({ hasText: 'nginx:1.27' });
  const [before, after] = [nginx.getByRole('cell').nth(0), nginx.getByRole('cell').nth(1)];
  await expect(before.getByRole('listitem')).toHaveText([/^https:\/\/example\.com\/v2\/library\/nginx\/manifests\/1\.27\?ns=docker\.io/]);
  await expect(after.getByRole('listitem')).toHaveText([/example\.com/, /^https:\/\/registry-1\.docker\.io\/v2\/library\/nginx\/manifests\/1\.27/]);
  await expect(before).toContainText('✗ fails: not found');
  await expect(after).toContainText('✓ pulled from registry-1.docker.io');
  await expect(nginx.getByRole('rowheader')).toContainText('Differs: v1.32.2+k3s1 never falls back to registry-1.docker.io; v1.32.3+k3s1 tries it last.');
  // No React, no Monaco, and no RE2 engine for a file without rewrites.
  expect(scripts.every((url) => url.startsWith(`${PLAYGROUND_ORIGIN}/element`))).toBe(true);
  await screenshot(page, 'element-docs-page');
});

test('"Open in playground" opens the same state', async ({ page, context }) => {
  await page.goto(docsPage(SEED));
  const link = page.getByRole('link', { name: /Open in playground/ });
  await expect(link).toHaveAttribute('href', new RegExp(`^${PLAYGROUND_ORIGIN}/#v3\\.`));
  const [playground] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(column(playground, 'nginx:1.27', 'v1.32.2+k3s1').getByRole('listitem')).toHaveCount(1);
  await expect(column(playground, 'nginx:1.27', 'v1.32.3+k3s1').getByRole('listitem')).toHaveCount(2);
  const { decodeState } = await import('../src/share/codec.ts');
  const decoded = decodeState(await playground.evaluate(() => location.hash));
  expect(decoded.ok && decoded.state.images).toEqual(['nginx:1.27', 'quay.io/coreos/etcd:v3.6.0-rc.1']);
  expect(decoded.ok && decoded.state.yaml).toBe('mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n');
});

test('a permalink attribute, rewrites loading re2js on demand, and a bad link said in place', async ({ page }) => {
  const withRewrite = { ...defaultState, yaml: 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^library/(.*)": "hub/$1"\n', images: ['nginx:1.27'] };
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(
    docsPage(`<k3s-registry-chains permalink="${PLAYGROUND_ORIGIN}/#${encodeState(withRewrite)}"></k3s-registry-chains>
<k3s-registry-chains permalink="#v3.not-a-link"></k3s-registry-chains>`),
  );
  const [good, bad] = [page.locator('k3s-registry-chains').nth(0), page.locator('k3s-registry-chains').nth(1)];
  await expect(good.getByRole('listitem').first()).toContainText('https://m.example.com/v2/hub/nginx/manifests/1.27?ns=docker.io');
  expect(scripts.filter((url) => !url.endsWith('/element.js')).length).toBeGreaterThan(0);
  await expect(bad.getByRole('alert')).toContainText('permalink: The link is damaged');
});

test('the element passes axe, and follows the page\'s custom properties', async ({ page }) => {
  await page.goto(docsPage(`<div style="--k3s-chains-fail:#8b0000;--k3s-chains-bg:#fff">${SEED}</div>`));
  await expect(page.getByRole('table')).toContainText('nginx:1.27');
  const color = await page.locator('k3s-registry-chains').evaluate((element) => {
    const failed = element.shadowRoot?.querySelector('.failed');
    return failed === null || failed === undefined ? '' : getComputedStyle(failed).color;
  });
  expect(color).toBe('rgb(139, 0, 0)');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
});

test('the embed page documents the element beside the iframe, with a live one', async ({ page }) => {
  await page.goto('/embed.html');
  await expect(page.getByRole('heading', { name: /Without an iframe/ })).toBeVisible();
  await expect(page.locator('k3s-registry-chains').getByRole('rowheader').first()).toContainText('Differs: v1.32.2+k3s1 never falls back');
});

test('a rule page explains a code, and the Problems panel links to it', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'wildcard-no-fallback' });
  await expect(link).toHaveAttribute('href', 'rules/wildcard-no-fallback.html');
  await page.goto('/rules/wildcard-no-fallback.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('wildcard-no-fallback');
  await expect(page.getByRole('table')).toContainText('v1.32.2+k3s1');
  await page.getByRole('link', { name: 'Open this example in the playground' }).click();
  await expect(page.getByRole('link', { name: 'wildcard-no-fallback' })).toBeVisible();
});
