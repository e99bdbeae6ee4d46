import { encodeState } from '../src/share/codec.ts';
import { defaultState } from '../src/share/state.ts';
import { expect, imageRow, linkTo, openCard, screenshot, test, waitForMonaco } from './support/fixtures.ts';

/** Thirty images: Docker Hub, quay.io, registry.k8s.io and ghcr.io ones. */
const THIRTY = Array.from({ length: 30 }, (_, index) => ['nginx', 'redis', 'quay.io/coreos/etcd', 'registry.k8s.io/pause', 'ghcr.io/fluxcd/app'][index % 5] + `:1.${index}`);

test('with 30 images at 1280x720 the summary is on screen and names every failing image', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // The #11857 seed: on v1.32.2 every image fails, on v1.32.3 every image falls back.
  await page.goto(linkTo({ images: THIRTY }));
  const summary = page.getByRole('status').filter({ hasText: 'images fail' });
  await expect(summary).toContainText('30 of 30 images fail on a compared release');
  await expect(summary).toBeInViewport();
  const failing = page.locator('.failing-names');
  await expect(failing).toBeInViewport({ ratio: 1 });
  for (const image of THIRTY) await expect(failing).toContainText(image);
  await expect(page.getByRole('table', { name: 'Where each image is pulled from, per release' })).toBeInViewport();
  // The page itself is one screen: the panes scroll on their own.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(2 * 720);
  await screenshot(page, 'thirty-images');
});

test('setting one host unreachable moves every image using it to its next endpoint, and the link keeps it', async ({ page, context }) => {
  const yaml = 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://harbor.corp.internal"\n';
  await page.goto(linkTo({ yaml, images: ['nginx:1.27', 'redis:7', 'quay.io/coreos/etcd:v3.6.0-rc.1'] }));
  const served = (image: string) => imageRow(page, image).getByRole('cell');
  await expect(served('nginx:1.27').first()).toContainText('harbor.corp.internal');
  await expect(served('redis:7').first()).toContainText('harbor.corp.internal');

  await page.getByText('What if a host is down').click();
  await page.getByRole('combobox', { name: 'What harbor.corp.internal answers' }).selectOption('unreachable');
  for (const image of ['nginx:1.27', 'redis:7']) {
    await expect(served(image).nth(0)).toContainText('registry-1.docker.io');
    await expect(served(image).nth(1)).toContainText('registry-1.docker.io');
  }
  await expect(served('quay.io/coreos/etcd:v3.6.0-rc.1').first()).toContainText('quay.io');
  // The card shows the answer on the endpoint it applies to.
  await openCard(page, 'nginx:1.27');
  await expect(imageRow(page, 'nginx:1.27').getByRole('combobox', { name: /^What https:\/\/harbor\.corp\.internal\// }).first()).toHaveValue('unreachable');

  // The share link carries the answer.
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(imageRow(other, 'redis:7').getByRole('cell').first()).toContainText('registry-1.docker.io');
  await other.getByText('What if a host is down').click();
  await expect(other.getByRole('combobox', { name: 'What harbor.corp.internal answers' })).toHaveValue('unreachable');
});

test('Tab into the editor, then Esc and Tab, leaves it with the YAML unchanged', async ({ page }) => {
  await page.goto('/');
  await waitForMonaco(page);
  const before = await page.locator('.monaco-editor .view-lines').innerText();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.monaco-editor textarea')).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
  expect(await page.locator('.monaco-editor .view-lines').innerText()).toBe(before);
  await expect(page.getByText('then Tab leaves the editor')).toBeVisible();
});

test('the Markdown export holds the YAML block, the outcome table and the diagnostics', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('button', { name: 'Markdown copied' })).toBeVisible();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('<details><summary>registries.yaml (credentials redacted)</summary>');
  expect(markdown).toContain('```yaml\nmirrors:\n  "*":\n');
  expect(markdown).toContain('| Image | v1.32.2+k3s1 | v1.32.3+k3s1 |');
  expect(markdown).toContain('| `nginx:1.27` | ✗ not found | ✓ registry-1.docker.io |');
  expect(markdown).toMatch(/- line 2: warning `wildcard-no-fallback`: On v1\.32\.2\+k3s1/);
});

test('?embed&view=summary&maxHeight=400 stays at 400 px and scrolls inside', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`/?embed&view=summary&maxHeight=400#${encodeState({ ...defaultState, images: THIRTY })}`);
  const embed = page.getByTestId('embed');
  await expect(embed.getByRole('table', { name: 'Where each image is pulled from, per release' })).toBeVisible();
  await expect(page.locator('.editor-panel')).toHaveCount(0);
  const box = await embed.boundingBox();
  expect(box?.height).toBe(400);
  const scrolls = await embed.evaluate((element) => element.scrollHeight > element.clientHeight);
  expect(scrolls).toBe(true);
  // The header says what shapes the result.
  await expect(page.locator('.embed-header')).toContainText('v1.32.2+k3s1 vs v1.32.3+k3s1');
});

test('a bad indentation shows exactly one error, worded as yaml.v2 words it, at its line', async ({ page }) => {
  const yaml = 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example.com"\n   rewrite:\n     "^(.*)$": "x/$1"\n';
  await page.goto(linkTo({ yaml }));
  const problems = page.locator('section.problems').getByRole('listitem');
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('yaml: line 4: did not find expected key');
  await expect(problems).toContainText(/Line 5/i);
  await expect(page.getByText('K3s cannot load this registries.yaml: the agent does not start')).toBeVisible();
});
