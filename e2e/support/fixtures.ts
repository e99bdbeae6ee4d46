import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { encodeState } from '../../src/share/codec.ts';
import { defaultState, type PlaygroundState } from '../../src/share/state.ts';
import { DOCS_ORIGIN, PLAYGROUND_ORIGIN } from './origins.ts';

export { expect };

const SCREENSHOTS = 'e2e-output/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * Every test fails on a console error, an uncaught exception, or a request that leaves the
 * playground's origin (and the stand-in docs origin, where a test uses it).
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      };
      context.on('page', watch);
      context.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(PLAYGROUND_ORIGIN) && !url.startsWith(DOCS_ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) {
          problems.push(`request outside the origin: ${url}`);
        }
      });
      await use(problems);
      expect(problems, 'console errors or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

/** A permalink built with the real encoder, never by hand. */
export function linkTo(state: Partial<PlaygroundState>, query = ''): string {
  return `/${query}#${encodeState({ ...defaultState, ...state })}`;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** One image in the summary table: its row and, when open, its card. */
export function imageRow(page: Page, image: string) {
  return page.locator('tbody.image-entry').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(image)}(?: Differs)?$`) }) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens an image's card (its chains) if it is not open yet. */
export async function openCard(page: Page, image: string): Promise<void> {
  const toggle = imageRow(page, image).locator('.row-toggle');
  // The page may open failing images' cards itself right after it renders: click only while the
  // card is still closed, and check it ended up open (a click racing that would close it again).
  await expect(async () => {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass();
}

/** One release's column for one image, alone or shared with releases that resolve it the same way. */
export function column(page: Page, image: string, version: string) {
  return page.getByRole('region', { name: new RegExp(`^${escapeRegExp(image)} with (?:.* and )?${escapeRegExp(version)}(?: and .*)?$`) });
}

export async function waitForMonaco(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').waitFor();
}

/** Replaces the whole text in Monaco the way a user would: select all, type. */
export async function typeInMonaco(page: Page, text: string): Promise<void> {
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco auto-indents on Enter, so type line by line from column 1.
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
    }
    await page.keyboard.insertText(line);
  }
}

/** Waits until the draft in this browser holds `text`: what a reload will bring back. */
export async function waitForSavedDraft(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => localStorage.getItem('k3s-registry-playground:draft:v1') ?? '')).toContain(text);
}

export async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
