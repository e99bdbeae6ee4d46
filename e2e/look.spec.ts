import { column, expect, linkTo, openCard, screenshot, seriousAxeViolations, test, waitForMonaco } from './support/fixtures.ts';

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(linkTo({ yaml: 'mirrors:\n  "*":\n    endpoint: [example.com]\n  docker.io:\n    endpoint: [endoint.example.com]\n    rewrite:\n      "^(.*)$": "cache/$1"\n      "^library/(.*)": "lib/$1"\n' }));
    await waitForMonaco(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.locator('details.why').first().locator('summary').click();
    // The panels #14 added: what-if, how to read, the release pickers, the timeline.
    await page.getByText('What if a host is down').click();
    await expect(page.getByRole('table', { name: 'What each endpoint host answers' })).toBeVisible();
    await page.getByText('How to read this:').click();
    await expect(page.getByRole('textbox', { name: 'Left release' })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Where does it break?' }).click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'hosts.toml files' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Share' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `theme-${theme}-share`);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Endpoint chains' }).click();
    await screenshot(page, `theme-${theme}`);
  });
}

test('the theme toggle overrides the system theme and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('button', { name: /Theme: system/ }).click();
  await page.getByRole('button', { name: /Theme: light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('phone width: one column, plain editor on touch, everything reachable by keyboard', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(linkTo({ images: ['nginx:1.27'] }));
  await expect(page.getByRole('textbox', { name: 'registries.yaml' })).toBeEditable();
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('textbox', { name: 'registries.yaml' }).fill('mirrors:\n  docker.io:\n    endpoint: [https://m.example.org]\n');
  await openCard(page, 'nginx:1.27');
  await expect(column(page, 'nginx:1.27', 'v1.32.3+k3s1')).toContainText('https://m.example.org/v2/library/nginx');
  // Results come before the editor on a phone.
  const results = await page.locator('#results').boundingBox();
  const editor = await page.getByRole('textbox', { name: 'registries.yaml' }).boundingBox();
  expect((results?.y ?? Infinity) < (editor?.y ?? 0)).toBe(true);
  await page.getByText('What if a host is down').click();
  await expect(page.getByRole('table', { name: 'What each endpoint host answers' })).toBeVisible();
  await screenshot(page, 'phone');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await context.close();
});

test('?editor=plain uses a text area, and problems move its cursor', async ({ page }) => {
  await page.goto(`/?editor=plain${linkTo({ yaml: 'mirrors:\n  docker.io:\n    endoint: [x]\n' }).slice(1)}`);
  const editor = page.getByRole('textbox', { name: 'registries.yaml' });
  await expect(editor).toBeEditable();
  await page.getByRole('button', { name: /unknown key endoint/ }).click();
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((element: HTMLTextAreaElement) => element.selectionStart)).toBe('mirrors:\n  docker.io:\n    '.length);
  // Keyboard only: Tab leaves the editor (no focus trap) for the first problem.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Line 2:3/ })).toBeFocused();
});
