import { decodeState } from '../../share/codec.ts';
import { isSharedFormOf } from '../../share/redact.ts';
import type { PlaygroundStoreApi } from './store.ts';

/**
 * A link opened in a page that is already open (pasted into the address bar, clicked in
 * the same tab) changes only the fragment, so the page does not reload: load it here, with
 * the same rules as at boot — a bad link explains itself, a different draft can be restored.
 */
export function startLinkNavigation(store: PlaygroundStoreApi, location: Pick<Location, 'hash'>, target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onHashChange = () => {
    if (location.hash === '' || location.hash === '#') return;
    const state = store.getState();
    const decoded = decodeState(location.hash);
    if (!decoded.ok) {
      state.showBanner({ id: 'bad-link', tone: 'error', text: `This link could not be opened: ${decoded.message} Nothing was lost: your draft is still here.` });
      return;
    }
    const current = state.draft;
    if (isSharedFormOf(decoded.state, current)) return;
    state.openLink(decoded.state);
    state.dismissBanner('bad-link');
    state.showBanner({
      id: 'restore-draft',
      tone: 'info',
      text: 'This link replaced the draft you were working on here.',
      action: { label: 'Restore my draft', run: () => store.getState().replaceDraft(current) },
    });
  };
  target.addEventListener('hashchange', onHashChange);
  return () => target.removeEventListener('hashchange', onHashChange);
}
