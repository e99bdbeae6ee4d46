import { decodeState, isStateFragment } from '../../share/codec.ts';
import { isSharedFormOf } from '../../share/redact.ts';
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
      state.showBanner({ id: 'bad-link', tone: 'error', text: `This link could not be opened: ${decoded.message} Nothing was lost: your draft is still here.` });
      return;
    }
    const current = state.draft;
    if (isSharedFormOf(decoded.state, current)) return;
    state.openLink(decoded.state);
    state.dismissBanner('bad-link');
    decoded.notes.forEach((note, index) => state.showBanner({ id: `link-note-${index}`, tone: 'warning', text: note }));
    state.showBanner({
      id: 'restore-draft',
      tone: 'info',
      text: 'This link replaced the draft you were working on here.',
      action: { label: 'Restore my draft', run: () => store.getState().replaceDraft(current) },
    });
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
