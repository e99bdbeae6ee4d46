import { limitState, parseState, type PlaygroundState } from '../../share/state.ts';
import type { PlaygroundStoreApi, Theme } from './store.ts';

/** localStorage keys; the prerendered page's inline script reads them too (src/app/prerender.ts). */
export const DRAFT_KEY = 'k3s-registry-playground:draft:v1';
/** Where a saved draft the engine failed on is kept aside (see boot.ts `startState`). */
export const UNPROCESSED_DRAFT_KEY = 'k3s-registry-playground:draft:unprocessed';
export const THEME_KEY = 'k3s-registry-playground:theme';
const SAVE_DELAY_MS = 300;

/** The saved draft, or null. Never throws: storage may be disabled, full or hold junk. */
export function readSavedDraft(storage: Storage | null): PlaygroundState | null {
  try {
    const text = storage?.getItem(DRAFT_KEY);
    const state = text ? parseState(JSON.parse(text)) : null;
    return state === null ? null : limitState(state).state;
  } catch {
    return null;
  }
}

export function readSavedTheme(storage: Storage | null): Theme | null {
  try {
    const theme = storage?.getItem(THEME_KEY);
    return theme === 'light' || theme === 'dark' || theme === 'system' ? theme : null;
  } catch {
    return null;
  }
}

/** Saves the draft shortly after each change (and the theme at once); returns the unsubscribe. */
export function startPersisting(store: PlaygroundStoreApi, storage: Storage | null, page: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = null): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    try {
      storage?.setItem(DRAFT_KEY, JSON.stringify(store.getState().draft));
    } catch {
      // Quota or privacy mode: the page keeps working, the draft just is not saved.
    }
  };
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    // Someone else's link is not the visitor's draft until they edit it: opening one (at boot or
    // by changing the fragment in an open tab) never overwrites what they had saved.
    if (state.draft !== previous.draft && !state.ui.fromLink) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    }
    if (state.ui.theme !== previous.ui.theme) {
      try {
        storage?.setItem(THEME_KEY, state.ui.theme);
      } catch {
        // Not saved; harmless.
      }
    }
  });
  // Never lose the last keystrokes when the tab closes.
  page?.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    page?.removeEventListener('pagehide', flush);
  };
}
