/**
 * The browser the end-to-end tests drive. `npm test` runs this file before Playwright:
 *
 *   npx tsx scripts/browser.ts        find a usable Chromium, installing one if there is none
 *
 * Looked for in order: $CHROMIUM_PATH; a system Chromium or Chrome on $PATH (or at the usual
 * Debian path); Playwright's cached browser. When none works it installs one: Debian's
 * `chromium` package with apt-get when running as root on Debian or Ubuntu, otherwise
 * `npx playwright install chromium`. It prints one line naming the browser, or, when it cannot
 * get one, the exact command to run, and exits non-zero. playwright.config.ts calls
 * `findBrowser()` (never installs) to launch the same one.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrowserEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  /** Where Playwright keeps downloaded browsers by default. */
  home: string;
  /** Paths tried after $PATH, for systems whose PATH lacks /usr/bin. */
  wellKnown: readonly string[];
  /** Whether a file is an executable that prints a version (a broken wrapper does not count). */
  works: (path: string) => boolean;
}

export interface FoundBrowser {
  path: string;
  /** Where it was found, for the one line printed. */
  source: 'CHROMIUM_PATH' | 'system' | 'Playwright cache';
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const defaultEnvironment: BrowserEnvironment = {
  env: process.env,
  home: homedir(),
  wellKnown: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'],
  works: (path) => {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      return false;
    }
    const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    return probe.status === 0 && /\d+\.\d+/.test(probe.stdout);
  },
};

/** The first usable browser, or null. Never installs anything. */
export function findBrowser(environment: BrowserEnvironment = defaultEnvironment): FoundBrowser | null {
  const fromVariable = environment.env.CHROMIUM_PATH;
  if (fromVariable !== undefined && fromVariable !== '' && environment.works(fromVariable)) return { path: fromVariable, source: 'CHROMIUM_PATH' };
  for (const path of systemCandidates(environment)) if (environment.works(path)) return { path, source: 'system' };
  for (const path of playwrightCandidates(environment)) if (environment.works(path)) return { path, source: 'Playwright cache' };
  return null;
}

function systemCandidates(environment: BrowserEnvironment): string[] {
  const directories = (environment.env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  return [...directories.flatMap((directory) => SYSTEM_NAMES.map((name) => join(directory, name))), ...environment.wellKnown];
}

/** Chromium builds Playwright downloaded (`npx playwright install chromium`), newest first. */
function playwrightCandidates(environment: BrowserEnvironment): string[] {
  const root = environment.env.PLAYWRIGHT_BROWSERS_PATH || join(environment.home, '.cache', 'ms-playwright');
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^chromium(?:_headless_shell)?-\d+$/.test(entry))
    .sort((a, b) => Number(b.split('-').pop()) - Number(a.split('-').pop()))
    .flatMap((entry) => [
      join(root, entry, 'chrome-linux', 'chrome'),
      join(root, entry, 'chrome-linux64', 'chrome'),
      join(root, entry, 'chrome-linux', 'headless_shell'),
      join(root, entry, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    ]);
}

export interface InstallPlan {
  command: string;
  args: string[];
  /** The command line to print, when it has to be run by hand. */
  display: string;
}

/** How to get a browser on this machine: Debian's package as root on Debian/Ubuntu, else Playwright's download. */
export function installPlan(system: { isRoot: boolean; osRelease: string }): InstallPlan[] {
  const debianLike = /^(?:ID|ID_LIKE)=.*\b(?:debian|ubuntu)\b/m.test(system.osRelease);
  const playwright: InstallPlan = { command: 'npx', args: ['playwright', 'install', 'chromium'], display: 'npx playwright install chromium' };
  if (!debianLike || !system.isRoot) return [playwright];
  const apt: InstallPlan = {
    command: 'sh',
    args: ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core'],
    display: 'apt-get update && apt-get install -y chromium fonts-dejavu-core',
  };
  return [apt, playwright];
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export interface InstallDeps {
  log: (line: string) => void;
  system: { isRoot: boolean; osRelease: string };
  /** Runs an install command; true when it succeeded. */
  run: (plan: InstallPlan) => boolean;
}

const realInstall: InstallDeps = {
  log: (line) => console.log(line),
  system: { isRoot: process.getuid?.() === 0, osRelease: readOsRelease() },
  run: (plan) => spawnSync(plan.command, plan.args, { stdio: ['ignore', 'ignore', 'inherit'] }).status === 0,
};

/** Finds a browser or installs one; returns the exit code. */
export function ensureBrowser(environment: BrowserEnvironment = defaultEnvironment, deps: InstallDeps = realInstall): number {
  const found = findBrowser(environment);
  if (found !== null) {
    deps.log(`browser for the end-to-end tests: ${found.path} (${found.source})`);
    return 0;
  }
  const plans = installPlan(deps.system);
  for (const plan of plans) {
    deps.log(`no usable Chromium found; installing one: ${plan.display}`);
    const installed = deps.run(plan) ? findBrowser(environment) : null;
    if (installed !== null) {
      deps.log(`browser for the end-to-end tests: ${installed.path} (installed with ${plan.display})`);
      return 0;
    }
  }
  deps.log(`no usable Chromium found, and none could be installed. Run this, then npm test again:\n  ${plans.map((plan) => plan.display).join('\n  or: ')}`);
  return 1;
}

if (process.argv[1] !== undefined && existsSync(process.argv[1]) && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = ensureBrowser();
}
