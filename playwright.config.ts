import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export const PLAYGROUND_ORIGIN = 'http://127.0.0.1:4173';
/** A second origin that embeds the playground, as a documentation site would. */
export const DOCS_ORIGIN = 'http://127.0.0.1:4174';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e-output/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `${PLAYGROUND_ORIGIN}/`,
    launchOptions: chromiumLaunch,
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
