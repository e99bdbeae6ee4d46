import { defaultState, type PlaygroundState } from '../share/state.ts';
import { readSavedDraft, readSavedTheme } from './state/persist.ts';
import type { Banner, Mode, Theme } from './state/store.ts';

export interface BootState {
  mode: Mode;
  draft: PlaygroundState;
  theme: Theme;
  banners: Banner[];
  fromLink: boolean;
}

/** localStorage, or null where it is unavailable (sandboxed iframes throw on access). */
export function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Works out, once, how the page was opened: embed or full page, which editor. */
export function detectMode(location: Pick<Location, 'search'>, coarsePointer: boolean): Mode {
  const params = new URLSearchParams(location.search);
  const embed = params.has('embed') || params.has('embed-readonly');
  return {
    embed,
    readOnly: params.has('readonly') || params.has('embed-readonly') || params.get('embed') === 'readonly',
    plainEditor: params.get('editor') === 'plain' || (coarsePointer && params.get('editor') !== 'monaco'),
  };
}

/** The initial state: the saved draft, else the default. */
export function boot(location: Pick<Location, 'search' | 'hash'>, storage: Storage | null, coarsePointer: boolean): BootState {
  const mode = detectMode(location, coarsePointer);
  const saved = mode.embed ? null : readSavedDraft(storage);
  return { mode, draft: saved ?? defaultState, theme: readSavedTheme(storage) ?? 'system', banners: [], fromLink: false };
}
