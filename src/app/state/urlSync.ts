import { isStateFragment } from '../../share/fragment.ts';
import { shareLink } from '../../share/links.ts';
import type { PlaygroundState } from '../../share/state.ts';
import type { PlaygroundStoreApi } from './store.ts';

const PAUSE_MS = 400;
const UNSAFE_BANNER = 'address-bar-unsafe';

/**
 * The only place that writes the URL: after typing pauses, the fragment becomes the draft's
 * permalink, always redacted, so the address bar never carries a secret, with
 * history.replaceState so keystrokes add no history entries. When redaction cannot be vouched
 * for, the draft stays out of the address bar altogether until the lines are fixed. A page
 * opened from a link is rewritten at once: a link made with credentials does not keep them
 * in the address bar. Never used inside an embed.
 */
export function startUrlSync(store: PlaygroundStoreApi, history: Pick<History, 'replaceState'>, location: Pick<Location, 'pathname' | 'search' | 'hash'>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const state = store.getState();
    const address = addressFor(state.draft);
    history.replaceState(null, '', `${location.pathname}${location.search}${address.fragment === null ? '' : `#${address.fragment}`}`);
    if (address.fragment !== null) state.dismissBanner(UNSAFE_BANNER);
    else state.showBanner({ id: UNSAFE_BANNER, tone: 'warning', text: `This draft is kept out of the address bar: a credential could not be redacted safely (${address.where}). Fix that to get a link again.` });
  };
  if (isStateFragment(location.hash)) write();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.draft === previous.draft) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, PAUSE_MS);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}

/** The redacted permalink fragment of a draft, or null (and where the trouble is) when it cannot be redacted safely. Never throws. */
export function addressFor(draft: PlaygroundState): { fragment: string } | { fragment: null; where: string } {
  try {
    const link = shareLink('', draft, { includeCredentials: false });
    if (link.ok) return { fragment: link.fragment };
    return { fragment: null, where: [...new Set(link.leaks.map((leak) => leak.place))].join(', ') };
  } catch {
    return { fragment: null, where: 'registries.yaml' };
  }
}
