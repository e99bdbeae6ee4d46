import { decodeState } from '../src/share/codec.ts';
import { expect, imageRow, linkTo, screenshot, test, waitForSavedDraft } from './support/fixtures.ts';

/** Safe sharing: no secret in any link, no link that freezes or blanks the page. */

const SECOND_DOCUMENT_SECRET = 'doc2-hunter2-secret';
const WITH_SECOND_DOCUMENT = `mirrors:
  docker.io:
    endpoint: ["https://mirror.example.com"]
---
configs:
  mirror.example.com:
    auth:
      username: robot
      password: ${SECOND_DOCUMENT_SECRET}
`;

test('a secret in a second document never reaches the address bar, and a fresh browser never sees it', async ({ page, browser }) => {
  // A link made with "include credentials": the address bar must switch to the redacted form at once.
  await page.goto(linkTo({ yaml: WITH_SECOND_DOCUMENT }));
  await expect(page.getByRole('status').filter({ hasText: 'You are looking at a shared link' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain(linkTo({ yaml: WITH_SECOND_DOCUMENT }).slice(2));
  const address = await page.evaluate(() => location.href);
  const decoded = decodeState(new URL(address).hash);
  expect(decoded.ok).toBe(true);
  expect(decoded.ok && decoded.state.yaml).not.toContain(SECOND_DOCUMENT_SECRET);
  expect(decoded.ok && decoded.state.yaml).toContain('password: "<redacted>"');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(address);
  await expect(imageRow(other, 'nginx:1.27')).toBeVisible();
  await expect(other.locator('body')).not.toContainText(SECOND_DOCUMENT_SECRET);
  await fresh.close();
});

const FAN_OUT = `a: &a {x: 1}
${Array.from({ length: 9 }, (_, level) => {
  const name = String.fromCharCode(98 + level);
  return `${name}: &${name} {<<: [${Array(10).fill(`*${String.fromCharCode(97 + level)}`).join(', ')}]}`;
}).join('\n')}
mirrors:
  docker.io:
    <<: *j
`;
const REWRITE_BLOW_UP = `mirrors:
  docker.io:
    endpoint: [https://m.example.com]
    rewrite:
      "^(.*)$": "${'x'.repeat(900_000)}"
`;
const SELF_MERGE = `mirrors:
  docker.io: &a
    endpoint: [https://m.example.com]
    <<: *a
`;

const hostile = [
  { name: 'merge fan-out', yaml: FAN_OUT, message: 'yaml: document contains excessive aliasing' },
  { name: 'rewrite blow-up', yaml: REWRITE_BLOW_UP, message: 'longer than 4,096 characters' },
  { name: 'self-merge', yaml: SELF_MERGE, message: "yaml: anchor 'a' value contains itself" },
];

for (const { name, yaml, message } of hostile) {
  test(`the ${name} link shows a usable page with the message, as a page and as an embed`, async ({ page }) => {
    for (const query of ['', '?embed']) {
      await page.goto(linkTo({ yaml, images: ['nginx:1.27', 'redis:7'] }, query));
      await expect(page.locator('.problems')).toContainText(message);
      await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
      // Usable: nothing a file holds widens the page past the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    }
    await screenshot(page, `hostile-${name.replaceAll(' ', '-')}-embed`);
  });
}

test('"Skip to results" moves focus to the results and is not mistaken for a link', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toBeFocused();
  await expect(page.getByText('This link could not be opened')).toHaveCount(0);
  await expect(imageRow(page, 'nginx:1.27')).toBeVisible();
});

test('a reload after a self-merge edit shows the page, with the message', async ({ page }) => {
  await page.goto('/?editor=plain');
  const editor = page.getByRole('textbox', { name: 'registries.yaml' });
  await editor.fill(SELF_MERGE);
  await expect(page.locator('.problems')).toContainText("anchor 'a' value contains itself");
  // The draft is saved shortly after the edit: wait until it is, then reload.
  await waitForSavedDraft(page, '<<: *a');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'registries.yaml' })).toHaveValue(SELF_MERGE);
  await expect(page.locator('.problems')).toContainText("anchor 'a' value contains itself");
  await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
});

test('the Share dialog lists what was redacted by line, and offers no link when it cannot redact safely', async ({ page }) => {
  await page.goto('/?editor=plain');
  const editor = page.getByRole('textbox', { name: 'registries.yaml' });
  await editor.fill('configs:\n  r.example.com:\n    auth:\n      username: robot\n      password: pw-hunter2-long\n');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this playground' });
  await expect(dialog).toContainText('line 4: configs."r.example.com".auth.username');
  await expect(dialog).toContainText('line 5: configs."r.example.com".auth.password');
  await expect(dialog.getByRole('textbox', { name: 'Link' })).not.toHaveValue(/hunter2/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await editor.fill('configs:\n  r.example.com:\n    auth:\n      password: pw-hunter2-long\n# old: pw-hunter2-long\n');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('alert')).toContainText('No link: a credential could not be redacted safely');
  await expect(dialog.getByRole('alert')).toContainText('line 5');
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveCount(0);
  await screenshot(page, 'share-unsafe');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The address bar keeps the draft out too, and says why.
  await expect(page.getByRole('status').filter({ hasText: 'kept out of the address bar' })).toContainText('line 5');
  expect(await page.evaluate(() => location.hash)).toBe('');
});
