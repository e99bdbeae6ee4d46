import type { PlaygroundState } from '../../share/state.ts';
import type { Banner } from './store.ts';

/**
 * The messages about links, in one place: boot and an open tab say the same thing the same
 * way (ids matter: a newer banner replaces an older one with the same id).
 */

/** A link that could not be opened, and what is shown instead. */
export function badLinkBanner(reason: string, instead: string): Banner {
  return { id: 'bad-link', tone: 'error', text: `This link could not be opened: ${reason} Nothing was lost: ${instead}.` };
}

/** A link replaced the visitor's own draft: one click brings it back. */
export function restoreDraftBanner(replaced: PlaygroundState, restore: (draft: PlaygroundState) => void): Banner {
  return { id: 'restore-draft', tone: 'info', text: 'This link replaced the draft you were working on here.', action: { label: 'Restore my draft', run: () => restore(replaced) } };
}

/** What a link carried beyond the state limits (see share/state.ts `limitState`). */
export function linkNoteBanners(notes: readonly string[]): Banner[] {
  return notes.map((note, index) => ({ id: `link-note-${index}`, tone: 'warning', text: note }));
}
