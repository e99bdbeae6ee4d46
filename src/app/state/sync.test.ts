import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeState, encodeState } from '../../share/codec.ts';
import { defaultState, type PlaygroundState } from '../../share/state.ts';
import { memoryStorage } from '../../../test/support/memoryStorage.ts';
import { startLinkNavigation } from './linkNavigation.ts';
import { DRAFT_KEY, startPersisting } from './persist.ts';
import { computeResults, startRecompute } from './recompute.ts';
import { createPlaygroundStore, emptyResults } from './store.ts';
import { startUrlSync } from './urlSync.ts';

const page = { embed: false, readOnly: false, plainEditor: false, embedOptions: null };
const withSecret: PlaygroundState = { ...defaultState, yaml: 'configs:\n  r.example.com:\n    auth:\n      password: hunter2-secret\n' };


/** A location whose hash follows history.replaceState, as a browser's does. */
function fakeBrowser(hash = '') {
  const location = { pathname: '/', search: '', hash };
  const history = {
    replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
      location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
    }),
  };
  const listeners = new Set<() => void>();
  const target = {
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
  const navigate = (next: string) => {
    location.hash = next;
    for (const listener of listeners) listener();
  };
  return { location, history, target, navigate };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the address bar (urlSync)', () => {
  it('follows the draft after a pause, redacted, without adding history entries', () => {
    const store = createPlaygroundStore({ mode: page, draft: defaultState });
    const browser = fakeBrowser();
    startUrlSync(store, browser.history, browser.location);
    store.getState().setYaml(withSecret.yaml);
    store.getState().setYaml(`${withSecret.yaml}# more\n`);
    expect(browser.history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(browser.history.replaceState).toHaveBeenCalledTimes(1);
    const decoded = decodeState(browser.location.hash);
    expect(decoded.ok && decoded.state.yaml).toContain('password: "<redacted>"');
    expect(browser.location.hash).not.toContain('hunter2');
  });

  it('replaces a link that carried credentials with its redacted form at once', () => {
    const store = createPlaygroundStore({ mode: page, draft: withSecret });
    const browser = fakeBrowser(`#${encodeState(withSecret)}`);
    startUrlSync(store, browser.history, browser.location);
    const decoded = decodeState(browser.location.hash);
    expect(decoded.ok && decoded.state.yaml).not.toContain('hunter2-secret');
  });

  it('keeps a draft it cannot redact safely out of the address bar, and says where', () => {
    const leaky = { ...defaultState, yaml: `${withSecret.yaml}# it used to be hunter2-secret\n` };
    const store = createPlaygroundStore({ mode: page, draft: defaultState });
    const browser = fakeBrowser(`#${encodeState(defaultState)}`);
    startUrlSync(store, browser.history, browser.location);
    store.getState().setYaml(leaky.yaml);
    vi.advanceTimersByTime(400);
    expect(browser.location.hash).toBe('');
    expect(store.getState().ui.banners.find((banner) => banner.id === 'address-bar-unsafe')?.text).toContain('line 5');
    store.getState().setYaml(withSecret.yaml);
    vi.advanceTimersByTime(400);
    expect(browser.location.hash).toMatch(/^#v3\./);
    expect(store.getState().ui.banners.some((banner) => banner.id === 'address-bar-unsafe')).toBe(false);
  });
});

describe('links opened in an open tab (linkNavigation) and the saved draft (persist)', () => {
  it('ignores in-page anchors', () => {
    const store = createPlaygroundStore({ mode: page, draft: withSecret });
    const browser = fakeBrowser();
    startLinkNavigation(store, browser.location, browser.target);
    browser.navigate('#results');
    expect(store.getState().draft).toBe(withSecret);
    expect(store.getState().ui.banners).toEqual([]);
  });

  it('opens a link without overwriting the saved draft until the visitor edits', () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY, JSON.stringify(withSecret));
    const store = createPlaygroundStore({ mode: page, draft: withSecret });
    const browser = fakeBrowser();
    startPersisting(store, storage);
    startLinkNavigation(store, browser.location, browser.target);
    const theirs = { ...defaultState, yaml: 'mirrors:\n  quay.io:\n' };
    browser.navigate(`#${encodeState(theirs)}`);
    expect(store.getState().draft).toEqual(theirs);
    vi.advanceTimersByTime(5_000);
    expect(JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null')).toEqual(withSecret);
    store.getState().setYaml('mirrors:\n  quay.io:\n  ghcr.io:\n');
    vi.advanceTimersByTime(300);
    expect(JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null').yaml).toBe('mirrors:\n  quay.io:\n  ghcr.io:\n');
  });

  it('explains a broken link and keeps the draft', () => {
    const store = createPlaygroundStore({ mode: page, draft: withSecret });
    const browser = fakeBrowser();
    startLinkNavigation(store, browser.location, browser.target);
    browser.navigate('#v1.@@@@');
    expect(store.getState().draft).toBe(withSecret);
    expect(store.getState().ui.banners[0]?.text).toContain('This link could not be opened');
  });
});

describe('recompute', () => {
  it('computes once per edit, and keeps the last loadable result while the YAML is broken', async () => {
    const store = createPlaygroundStore({ mode: page, draft: defaultState, results: computeResults(defaultState, emptyResults) });
    startRecompute(store);
    const first = store.getState().results;
    store.getState().setYaml('mirrors:\n  docker.io\n    endpoint: [x]\n');
    store.getState().setYaml('mirrors:\n  docker.io\n    endpoint: [y]\n');
    await Promise.resolve();
    const broken = store.getState().results;
    expect(broken.seq).toBe(first.seq + 1);
    expect(broken.stale).toBe(true);
    expect(broken.resolution).toBe(first.resolution);
    expect(broken.diagnostics[0]?.code).toBe('yaml-syntax');
    store.getState().setView('hosts');
    await Promise.resolve();
    expect(store.getState().results.seq).toBe(broken.seq);
  });
});
