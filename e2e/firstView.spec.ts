import { column, imageRow, expect, linkTo, test, waitForMonaco } from './support/fixtures.ts';

test('the chains render before Monaco has loaded, with a read-only view of the YAML', async ({ page }) => {
  // Hold Monaco's chunk until the chains have been checked: a slow network, without a clock.
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(/MonacoEditor-.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(linkTo({ images: ['nginx:1.27'] }));
  await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1')).toContainText('Pull fails');
  const placeholder = page.getByRole('textbox', { name: 'registries.yaml (loading the editor…)' });
  await expect(placeholder).toHaveAttribute('readonly', '');
  await expect(placeholder).toHaveValue(/example\.com/);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  release();
  await waitForMonaco(page);
});

test('the default page is prerendered: the outcome of every pull is in the HTML itself', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const nginx = imageRow(page, 'nginx:1.27').getByRole('cell');
  await expect(nginx.nth(0)).toContainText('not found');
  await expect(nginx.nth(1)).toContainText('registry-1.docker.io');
  await expect(page.getByRole('status').filter({ hasText: 'fail' })).toContainText('5 of 5 images fail');
  await context.close();
});
