import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { safeStorage, startState } from './boot.ts';
import { startAutoHeight } from './embed.ts';
import { matchesPrerender } from './prerender.ts';
import { PlaygroundProvider } from './state/context.tsx';
import { startPersisting } from './state/persist.ts';
import { initialResults, startRecompute } from './state/recompute.ts';
import { createPlaygroundStore } from './state/store.ts';
import { restoreDraftBanner } from './state/banners.ts';
import { isStateFragment } from '../share/fragment.ts';
import { isOfflineFile } from './buildMode.ts';
import './styles.css';

const storage = safeStorage();
const coarsePointer = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
// The codec and redaction are needed at boot only to open a link, so they load only when the
// page opens with one (the address bar and in-tab links are set up after the first paint).
const links = isStateFragment(location.hash)
  ? await Promise.all([import('../share/codec.ts'), import('../share/redact.ts')]).then(([codec, redact]) => ({ decodeState: codec.decodeState, isSharedFormOf: redact.isSharedFormOf }))
  : null;
// Results exist before the first render: the first paint already shows the chains.
const initial = startState(location, storage, coarsePointer, initialResults, links);
const store = createPlaygroundStore(initial);
if (initial.replacedDraft !== null) store.getState().showBanner(restoreDraftBanner(initial.replacedDraft, (draft) => store.getState().replaceDraft(draft)));
startRecompute(store);
if (!initial.mode.embed) {
  startPersisting(store, storage, window);
  // The address bar and links opened in this tab: after the first frame is painted.
  requestAnimationFrame(() => {
    void Promise.all([import('./state/urlSync.ts'), import('./state/linkNavigation.ts')]).then(([urlSync, linkNavigation]) => {
      urlSync.startUrlSync(store, history, location);
      linkNavigation.startLinkNavigation(store, location, window);
    });
    // Offline use after one visit, on the published site only (embeds never register it; file:// cannot).
    if (import.meta.env.PROD && !isOfflineFile() && /^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {
      void import('./offline/serviceWorker.ts').then((serviceWorker) => serviceWorker.startServiceWorker(store, navigator.serviceWorker));
    }
  });
}

const container = document.getElementById('root');
if (container === null) throw new Error('missing #root');
const app = (
  <StrictMode>
    <PlaygroundProvider store={store}>
      <App />
    </PlaygroundProvider>
  </StrictMode>
);
// The built page carries the default state prerendered (scripts/prerender.tsx): reuse it when
// this visit shows exactly that, otherwise drop it and render this visitor's page.
const prerendered = container.hasAttribute('data-prerendered');
if (prerendered && matchesPrerender(initial, document.documentElement.classList.contains('client-render'))) {
  hydrateRoot(container, app);
} else {
  if (prerendered) {
    container.replaceChildren();
    container.removeAttribute('data-prerendered');
  }
  createRoot(container).render(app);
}
if (initial.mode.embed) startAutoHeight(container);
