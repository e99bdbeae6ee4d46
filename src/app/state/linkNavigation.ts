import { decodeState, isStateFragment } from '../../share/codec.ts';
import { isSharedFormOf } from '../../share/redact.ts';
import { badLinkBanner, linkNoteBanners, restoreDraftBanner } from './banners.ts';
import type { PlaygroundStoreApi } from './store.ts';

/**
 * A link opened in a page that is already open (pasted into the address bar, clicked in
 * the same tab) changes only the fragment, so the page does not reload: load it here, with
 * the same rules as at boot — a bad link explains itself, a different draft can be restored.
 * In-page anchors (`#results`) are not links. The saved draft is untouched until the
 * visitor edits (see persist.ts).
 */
export function startLinkNavigation(store: PlaygroundStoreApi, location: Pick<Location, 'hash'>, target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onHashChange = () => {
    if (!isStateFragment(location.hash)) return;
    const state = store.getState();
    const decoded = decodeState(location.hash);
    if (!decoded.ok) {
      state.showBanner(badLinkBanner(decoded.message, 'your draft is still here'));
      return;
    }
    const current = state.draft;
    if (isSharedFormOf(decoded.state, current)) return;
    state.openLink(decoded.state);
    state.dismissBanner('bad-link');
    for (const banner of linkNoteBanners(decoded.notes)) state.showBanner(banner);
    state.showBanner(restoreDraftBanner(current, (draft) => store.getState().replaceDraft(draft)));
  };
  const guarded = () => {
    try {
      onHashChange();
    } catch {
      // A link that breaks the decoder must not break the page; the draft on screen stays.
    }
  };
  target.addEventListener('hashchange', guarded);
  return () => target.removeEventListener('hashchange', guarded);
}
