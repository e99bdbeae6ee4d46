import { shareLink } from '../../share/links.ts';
import type { PlaygroundStoreApi } from './store.ts';

const PAUSE_MS = 400;

/**
 * The only place that writes the URL: after typing pauses, the fragment becomes the draft's
 * permalink (credentials redacted, so the address bar never carries secrets), with
 * history.replaceState so keystrokes add no history entries. Never used inside an embed.
 */
export function startUrlSync(store: PlaygroundStoreApi, history: Pick<History, 'replaceState'>, location: Pick<Location, 'pathname' | 'search'>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const { fragment } = shareLink('', store.getState().draft, { includeCredentials: false });
    history.replaceState(null, '', `${location.pathname}${location.search}#${fragment}`);
  };
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
