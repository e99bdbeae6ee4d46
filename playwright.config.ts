import { defineConfig, type LaunchOptions } from '@playwright/test';
import { findBrowser } from './scripts/browser.ts';
import { DOCS_ORIGIN, PLAYGROUND_ORIGIN } from './e2e/support/origins.ts';

/**
 * The Chromium that scripts/browser.ts found (or installed) just before: Playwright's own
 * download does not work on every machine, so the tests never depend on it.
 */
export function chromiumLaunch(): LaunchOptions {
  const found = findBrowser();
  if (found === null) throw new Error('No usable Chromium: run `npx tsx scripts/browser.ts` (npm test does), or set CHROMIUM_PATH.');
  return {
    executablePath: found.path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  };
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e-output/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `${PLAYGROUND_ORIGIN}/`,
    launchOptions: chromiumLaunch(),
    viewport: { width: 1366, height: 900 },
  },
  webServer: [
    {
      // The built site, as it is published (run `npm run build` first; `npm test` does).
      command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
      url: `${PLAYGROUND_ORIGIN}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node e2e/support/docs-server.mjs 4174',
      url: `${DOCS_ORIGIN}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
