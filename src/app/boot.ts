import { decodeState } from '../share/codec.ts';
import { isSharedFormOf } from '../share/redact.ts';
import { defaultState, type PlaygroundState } from '../share/state.ts';
import { readSavedDraft, readSavedTheme } from './state/persist.ts';
import type { Banner, Mode, Theme } from './state/store.ts';

export interface BootState {
  mode: Mode;
  draft: PlaygroundState;
  theme: Theme;
  banners: Banner[];
  /** The draft came from someone else's link. */
  fromLink: boolean;
  /** The local draft a link replaced, so the page can offer it back. */
  replacedDraft: PlaygroundState | null;
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
  const embedValue = params.get('embed');
  return {
    embed: embedValue !== null,
    readOnly: embedValue === 'readonly' || params.has('readonly'),
    plainEditor: params.get('editor') === 'plain' || (coarsePointer && params.get('editor') !== 'monaco'),
  };
}

/**
 * The initial state, in priority order: the link in the fragment, the saved draft, the
 * default. A link that only restates the saved draft (the address bar after a reload,
 * with credentials redacted) keeps the saved draft, secrets included.
 */
export function boot(location: Pick<Location, 'search' | 'hash'>, storage: Storage | null, coarsePointer: boolean): BootState {
  const mode = detectMode(location, coarsePointer);
  const theme = readSavedTheme(storage) ?? 'system';
  // An embed never reads or writes the visitor's own draft.
  const saved = mode.embed ? null : readSavedDraft(storage);
  const local = saved ?? defaultState;
  const base = { mode, theme, banners: [] as Banner[], fromLink: false, replacedDraft: null };
  if (location.hash === '' || location.hash === '#') return { ...base, draft: local };

  const decoded = decodeState(location.hash);
  if (!decoded.ok) {
    const fallback = saved !== null ? 'your saved draft is shown instead' : 'the default example is shown instead';
    return { ...base, draft: local, banners: [{ id: 'bad-link', tone: 'error', text: `This link could not be opened: ${decoded.message} Nothing was lost: ${fallback}.` }] };
  }
  const linked = decoded.state;
  // A link to the default page is the default page, not someone else's draft.
  if (saved === null && isSharedFormOf(linked, defaultState)) return { ...base, draft: defaultState };
  if (saved !== null && isSharedFormOf(linked, saved)) return { ...base, draft: saved };
  const replaced = saved !== null && !isSharedFormOf(saved, defaultState) ? saved : null;
  return { ...base, draft: linked, fromLink: !mode.embed, replacedDraft: replaced };
}
