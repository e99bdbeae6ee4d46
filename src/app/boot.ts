import type { decodeState } from '../share/codec.ts';
import { isStateFragment } from '../share/fragment.ts';
import { defaultState, STATE_LIMITS, type PlaygroundState } from '../share/state.ts';
import { readSavedDraft, readSavedTheme, UNPROCESSED_DRAFT_KEY } from './state/persist.ts';
import { badLinkBanner, linkNoteBanners } from './state/banners.ts';
import type { Banner, EmbedOptions, Mode, ResultsState, Theme } from './state/store.ts';

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
  const embed = embedValue !== null;
  return {
    embed,
    readOnly: embedValue === 'readonly' || params.has('readonly'),
    plainEditor: params.get('editor') === 'plain' || (coarsePointer && params.get('editor') !== 'monaco'),
    embedOptions: embed ? embedOptionsOf(params) : null,
  };
}

/** Embed options from the URL; anything malformed is ignored rather than trusted. */
export function embedOptionsOf(params: URLSearchParams): EmbedOptions {
  const view = params.get('view');
  const images = params.get('images');
  const maxHeight = Number(params.get('maxHeight') ?? Number.NaN);
  const theme = params.get('theme');
  return {
    view: view === 'summary' || view === 'chains' || view === 'hosts' ? view : null,
    images: images === null ? null : images.split(',').map((image) => image.trim()).filter((image) => image !== '').slice(0, STATE_LIMITS.images),
    maxHeight: Number.isInteger(maxHeight) && maxHeight >= 120 && maxHeight <= 10_000 ? maxHeight : null,
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}

/** What an embed's options change in the state it shows. */
function withEmbedOptions(draft: PlaygroundState, options: EmbedOptions | null): PlaygroundState {
  if (options === null) return draft;
  const view = options.view === 'hosts' ? 'hosts' : options.view === null ? draft.view : 'chains';
  return { ...draft, view, ...(options.images !== null ? { images: options.images } : {}) };
}

/**
 * What reading a link takes: the codec, and whether a state from a link is a draft as written
 * or as the address bar shows it (redacted). Both are loaded only when the page opens with a
 * link (see main.tsx), so a plain visit never downloads them.
 */
export interface LinkSupport {
  decodeState: typeof decodeState;
  isSharedFormOf(linked: PlaygroundState, draft: PlaygroundState): boolean;
}

/**
 * The initial state, in priority order: the link in the fragment, the saved draft, the
 * default. A link that only restates the saved draft (the address bar after a reload,
 * with credentials redacted) keeps the saved draft, secrets included. A fragment that is
 * not a state link (an in-page anchor like `#results`) is not a link at all.
 */
export function boot(location: Pick<Location, 'search' | 'hash'>, storage: Storage | null, coarsePointer: boolean, links: LinkSupport | null): BootState {
  const mode = detectMode(location, coarsePointer);
  const theme = mode.embedOptions?.theme ?? readSavedTheme(storage) ?? 'system';
  // An embed never reads or writes the visitor's own draft.
  const saved = mode.embed ? null : readSavedDraft(storage);
  const local = withEmbedOptions(saved ?? defaultState, mode.embedOptions);
  const base = { mode, theme, banners: [] as Banner[], fromLink: false, replacedDraft: null };
  if (links === null || !isStateFragment(location.hash)) return { ...base, draft: local };
  const { decodeState, isSharedFormOf } = links;

  const decoded = decodeState(location.hash);
  if (!decoded.ok) {
    const fallback = saved !== null ? 'your saved draft is shown instead' : 'the default example is shown instead';
    return { ...base, draft: local, banners: [badLinkBanner(decoded.message, fallback)] };
  }
  const linked = decoded.state;
  const banners = linkNoteBanners(decoded.notes);
  // A link to the default page is the default page, not someone else's draft.
  if (saved === null && isSharedFormOf(linked, defaultState)) return { ...base, banners, draft: withEmbedOptions(defaultState, mode.embedOptions) };
  if (saved !== null && isSharedFormOf(linked, saved)) return { ...base, banners, draft: saved };
  const replaced = saved !== null && !isSharedFormOf(saved, defaultState) ? saved : null;
  return { ...base, banners, draft: withEmbedOptions(linked, mode.embedOptions), fromLink: !mode.embed, replacedDraft: replaced };
}

/**
 * Boot plus the first results, and the guarantee behind "nothing blanks the page": whatever the
 * link or the saved draft holds, the page starts. If the engine fails on the chosen draft (a bug
 * on hostile input), the default example is shown with a banner, and the draft is kept aside in
 * this browser rather than lost or retried on every load.
 */
export function startState(
  location: Pick<Location, 'search' | 'hash'>,
  storage: Storage | null,
  coarsePointer: boolean,
  compute: (draft: PlaygroundState) => ResultsState,
  links: LinkSupport | null,
): BootState & { results: ResultsState } {
  let initial: BootState;
  try {
    initial = boot(location, storage, coarsePointer, links);
  } catch (error) {
    initial = { mode: detectMode(location, coarsePointer), draft: defaultState, theme: 'system', fromLink: false, replacedDraft: null, banners: [failureBanner('This page could not be opened as linked', error)] };
  }
  try {
    return { ...initial, results: compute(initial.draft) };
  } catch (error) {
    if (!initial.mode.embed) keepAside(storage, initial.draft);
    const where = initial.fromLink ? 'The linked draft' : 'Your saved draft';
    const banner = failureBanner(`${where} could not be processed`, error, initial.mode.embed ? '' : ' It is kept in this browser: nothing was lost.');
    return { ...initial, draft: defaultState, fromLink: false, replacedDraft: null, banners: [...initial.banners, banner], results: compute(defaultState) };
  }
}

function failureBanner(what: string, error: unknown, kept = ''): Banner {
  const reason = error instanceof Error ? error.message : String(error);
  return { id: 'boot-failure', tone: 'error', text: `${what} (${reason.slice(0, 200)}), so the default example is shown.${kept}` };
}

function keepAside(storage: Storage | null, draft: PlaygroundState): void {
  try {
    storage?.setItem(UNPROCESSED_DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or denied: the saved draft itself is still where it was.
  }
}
