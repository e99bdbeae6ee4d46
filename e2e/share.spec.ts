import { DOCS_ORIGIN, PLAYGROUND_ORIGIN } from './support/origins.ts';
import { column, expect, imageRow, linkTo, screenshot, test, waitForSavedDraft } from './support/fixtures.ts';

const WITH_SECRETS = `mirrors:
  docker.io:
    endpoint:
      - "https://harbor.corp.example.net/v2/proxy_cache"
configs:
  harbor.corp.example.net:
    auth:
      username: robot$k3s
      password: hunter2-very-secret
`;

test('a shared link opens the same chains in a fresh browser, without the credentials', async ({ page, browser }) => {
  await page.goto(linkTo({ yaml: WITH_SECRETS, images: ['nginx:1.27', 'quay.io/coreos/etcd:v3.6.0-rc.1'], flags: { disableDefaultRegistryEndpoint: true, embeddedRegistry: false } }));
  await expect(column(page, 'nginx:1.27', 'v1.32.3+k3s1').getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  await expect(dialog).toContainText('configs."harbor.corp.example.net".auth.password');
  await expect(dialog).toContainText('characters');
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link.startsWith(`${PLAYGROUND_ORIGIN}/#v3.`)).toBe(true);
  await screenshot(page, 'share-dialog');

  // Including credentials is an explicit choice, with a warning.
  await dialog.getByRole('checkbox', { name: /Include credentials/ }).check();
  await expect(dialog.getByRole('alert')).toContainText('Anyone who sees this link can read the credentials');
  const withCredentials = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(withCredentials).not.toBe(link);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByText('You are looking at a shared link')).toBeVisible();
  await expect(column(other, 'nginx:1.27', 'v1.32.3+k3s1').getByRole('listitem')).toHaveText([/https:\/\/harbor\.corp\.example\.net\/v2\/proxy_cache\/library\/nginx\/manifests\/1\.27\?ns=docker\.io/]);
  await expect(other.getByRole('checkbox', { name: '--disable-default-registry-endpoint' })).toBeChecked();
  await expect(other.locator('.monaco-editor .view-lines')).toContainText('"<redacted>"');
  await expect(other.locator('.monaco-editor .view-lines')).not.toContainText('hunter2');
  await fresh.close();
});

test('the address bar follows the draft without credentials, and a reload keeps them', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Load an example' }).selectOption({ label: 'Private registry with TLS and auth' });
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v3\./);
  const historyLength = await page.evaluate(() => history.length);
  const hash = await page.evaluate(() => location.hash);
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('s3cr3t');
  await expect(page.getByText('You are looking at a shared link')).toHaveCount(0);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  const { decodeState } = await import('../src/share/codec.ts');
  const decoded = decodeState(hash);
  expect(decoded.ok && decoded.state.yaml).not.toContain('s3cr3t');
});

test('a link replacing a different local draft offers to restore it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Load an example' }).selectOption({ label: 'Embedded registry (Spegel)' });
  await waitForSavedDraft(page, '"embeddedRegistry":true');
  // In-tab links are followed once the page is up (the address bar follows the draft from the same moment).
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v3\./);
  await page.goto(linkTo({ yaml: 'mirrors:\n  quay.io:\n    endpoint: ["https://quay-mirror.example.com"]\n' }));
  await expect(page.getByRole('status').filter({ hasText: 'This link replaced the draft' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore my draft' }).click();
  await expect(page.getByRole('checkbox', { name: '--embedded-registry' })).toBeChecked();
});

test('a corrupted link shows a banner and a usable page', async ({ page }) => {
  for (const broken of ['#v1.Q-IT72jM6', '#v1.@@@@', '#v9.abc', `#v1.${'A'.repeat(250_000)}`]) {
    await page.goto(`/${broken}`);
    await expect(page.getByRole('alert').filter({ hasText: 'This link could not be opened' })).toBeVisible();
    await expect(page.locator('tbody.image-entry').first()).toBeVisible();
  }
  await screenshot(page, 'corrupted-link');
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This link could not be opened' })).toHaveCount(0);
});

test('an embed on another origin shows the chains, sizes itself and opens the full playground', async ({ page, context }) => {
  const embedUrl = `${PLAYGROUND_ORIGIN}${linkTo({ images: ['nginx:1.27'] }, '?embed')}`;
  await page.goto(`${DOCS_ORIGIN}/embed?src=${encodeURIComponent(embedUrl)}&snippet=${encodeURIComponent(await snippetFor(embedUrl))}`);
  const frame = page.frameLocator('iframe');
  await expect(column2(frame, 'v1.32.2+k3s1')).toContainText('Pull fails');
  await expect(frame.getByRole('heading', { name: 'Sample images' })).toHaveCount(0);
  // The snippet's script applied the posted height.
  await expect.poll(async () => Number.parseInt(await page.locator('iframe').evaluate((element: HTMLIFrameElement) => element.style.height), 10)).toBeGreaterThan(400);
  // An embed never writes the visitor's draft, nor rewrites its own URL.
  const storage = await page.frames()[1]?.evaluate(() => localStorage.length);
  expect(storage).toBe(0);
  await screenshot(page, 'embed-on-docs-site');

  const [opened] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: /Open in playground/ }).click()]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).search).toBe('');
  await expect(column(opened, 'nginx:1.27', 'v1.32.3+k3s1')).toContainText('Pulls from registry-1.docker.io');
  await expect(imageRow(opened, 'nginx:1.27')).toBeVisible();
});

test('the read-only embed shows the YAML without an editor', async ({ page }) => {
  await page.goto(linkTo({ images: ['nginx:1.27'] }, '?embed=readonly'));
  await expect(page.getByRole('textbox', { name: 'registries.yaml' })).toHaveAttribute('readonly', '');
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /What https:\/\/example.com/ }).first()).toBeDisabled();
});

function column2(frame: ReturnType<import('@playwright/test').Page['frameLocator']>, version: string) {
  return frame.getByRole('region', { name: `nginx:1.27 with ${version}` });
}

async function snippetFor(embedUrl: string): Promise<string> {
  const { embedSnippet } = await import('../src/share/links.ts');
  return embedSnippet(embedUrl);
}
