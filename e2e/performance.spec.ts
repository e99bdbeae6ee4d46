import { largeConfig, manyImages } from '../bench/samples.ts';
import { column, expect, linkTo, test, waitForMonaco } from './support/fixtures.ts';

test('the chains render before Monaco has loaded, with a read-only view of the YAML', async ({ page }) => {
  await page.route(/MonacoEditor-.*\.js$/, async (route) => {
    await new Promise((done) => setTimeout(done, 3_000));
    await route.continue();
  });
  await page.goto(linkTo({ images: ['nginx:1.27'] }));
  await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1')).toContainText('Pull fails');
  const placeholder = page.getByRole('textbox', { name: 'registries.yaml (loading the editor…)' });
  await expect(placeholder).toHaveAttribute('readonly', '');
  await expect(placeholder).toHaveValue(/example\.com/);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await waitForMonaco(page);
});

test('the default page is prerendered: chains are in the HTML itself', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(column(page, 'nginx:1.27', 'v1.32.2+k3s1')).toContainText('Pull fails');
  await expect(column(page, 'nginx:1.27', 'v1.32.3+k3s1')).toContainText('Pulls from registry-1.docker.io');
  await context.close();
});

test('typing stays responsive with 1,000 images and a 50-mirror config (no long task over 100 ms)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(linkTo({ yaml: largeConfig(50), images: manyImages(1_000) }));
  await waitForMonaco(page);
  await expect(page.getByRole('status').filter({ hasText: 'resolve differently' })).toContainText('of 1000');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('      - https://m');
  await page.waitForTimeout(1_000);
  await page.evaluate(() => {
    const longTasks: number[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    (window as unknown as { longTasks: number[] }).longTasks = longTasks;
  });
  // Twenty characters into a wildcard endpoint: every keystroke changes hundreds of chains.
  await page.keyboard.type('irrors-cache.example', { delay: 60 });
  await page.waitForTimeout(1_000);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`long tasks while typing: ${longTasks.length ? longTasks.map((duration) => duration.toFixed(0)).join(', ') : 'none'} ms`);
  expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.map((duration) => duration.toFixed(0)).join(', ')} ms`).toBeLessThanOrEqual(100);
  await expect(page.getByRole('region', { name: /with v1\.32\.3\+k3s1/ }).first()).toBeVisible();
});
