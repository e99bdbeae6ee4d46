import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEnvironment, ensureBrowser, findBrowser, installPlan, type BrowserEnvironment } from '../scripts/browser.ts';

/** A machine with no browser anywhere: PATH and CHROMIUM_PATH point at nothing. */
function bareMachine(): BrowserEnvironment & { root: string } {
  const root = mkdtempSync(join(tmpdir(), 'no-browser-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'home'));
  return { ...defaultEnvironment, root, env: { PATH: join(root, 'bin'), CHROMIUM_PATH: join(root, 'nothing-here') }, home: join(root, 'home'), wellKnown: [] };
}

/** A stand-in executable that answers `--version` like a browser (or fails like a broken one). */
function fakeBrowser(path: string, works = true): string {
  writeFileSync(path, works ? '#!/bin/sh\necho "Chromium 156.0.8078.73"\n' : '#!/bin/sh\nexit 1\n');
  chmodSync(path, 0o755);
  return path;
}

const debianRoot = { isRoot: true, osRelease: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n' };

describe('finding a browser for the end-to-end tests', () => {
  it('finds none on a machine without one', () => {
    expect(findBrowser(bareMachine())).toBeNull();
  });

  it('prefers CHROMIUM_PATH, then the system browser, then the Playwright cache', () => {
    const machine = bareMachine();
    const cached = join(machine.home, '.cache', 'ms-playwright', 'chromium-1200', 'chrome-linux');
    mkdirSync(cached, { recursive: true });
    fakeBrowser(join(cached, 'chrome'));
    expect(findBrowser(machine)).toEqual({ path: join(cached, 'chrome'), source: 'Playwright cache' });
    const system = fakeBrowser(join(machine.root, 'bin', 'chromium'));
    expect(findBrowser(machine)).toEqual({ path: system, source: 'system' });
    const chosen = fakeBrowser(join(machine.root, 'my-chrome'));
    expect(findBrowser({ ...machine, env: { ...machine.env, CHROMIUM_PATH: chosen } })).toEqual({ path: chosen, source: 'CHROMIUM_PATH' });
  });

  it('skips a browser that does not start', () => {
    const machine = bareMachine();
    fakeBrowser(join(machine.root, 'bin', 'chromium'), false);
    expect(findBrowser(machine)).toBeNull();
  });

  it("installs Debian's chromium as root on Debian or Ubuntu, and Playwright's otherwise", () => {
    expect(installPlan(debianRoot).map((plan) => plan.display)).toEqual(['apt-get update && apt-get install -y chromium fonts-dejavu-core', 'npx playwright install chromium']);
    expect(installPlan({ isRoot: true, osRelease: 'ID=ubuntu\nID_LIKE=debian\n' })[0]?.display).toContain('apt-get');
    expect(installPlan({ isRoot: false, osRelease: debianRoot.osRelease }).map((plan) => plan.display)).toEqual(['npx playwright install chromium']);
    expect(installPlan({ isRoot: true, osRelease: 'ID=fedora\n' }).map((plan) => plan.display)).toEqual(['npx playwright install chromium']);
  });

  it('installs one when none is found, and says which it uses', () => {
    const machine = bareMachine();
    const lines: string[] = [];
    const code = ensureBrowser(machine, {
      log: (line) => lines.push(line),
      system: debianRoot,
      run: () => {
        fakeBrowser(join(machine.root, 'bin', 'chromium'));
        return true;
      },
    });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe(`browser for the end-to-end tests: ${join(machine.root, 'bin', 'chromium')} (installed with apt-get update && apt-get install -y chromium fonts-dejavu-core)`);
  });

  it('prints the exact commands and fails when it cannot get one', () => {
    const lines: string[] = [];
    const code = ensureBrowser(bareMachine(), { log: (line) => lines.push(line), system: { isRoot: false, osRelease: '' }, run: () => false });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('no usable Chromium found, and none could be installed. Run this, then npm test again:\n  npx playwright install chromium');
  });
});
