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
import { startUrlSync } from './state/urlSync.ts';
import { startLinkNavigation } from './state/linkNavigation.ts';
import './styles.css';

const storage = safeStorage();
const coarsePointer = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
// Results exist before the first render: the first paint already shows the chains.
const initial = startState(location, storage, coarsePointer, initialResults);
const store = createPlaygroundStore(initial);
if (initial.replacedDraft !== null) {
  const replaced = initial.replacedDraft;
  store.getState().showBanner({
    id: 'restore-draft',
    tone: 'info',
    text: 'This link replaced the draft you were working on here.',
    action: { label: 'Restore my draft', run: () => store.getState().replaceDraft(replaced) },
  });
}
startRecompute(store);
if (!initial.mode.embed) {
  startPersisting(store, storage, window);
  startUrlSync(store, history, location);
  startLinkNavigation(store, location, window);
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
