import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { boot, safeStorage } from './boot.ts';
import { startAutoHeight } from './embed.ts';
import { PlaygroundProvider } from './state/context.tsx';
import { startPersisting } from './state/persist.ts';
import { startRecompute } from './state/recompute.ts';
import { createPlaygroundStore } from './state/store.ts';
import { startUrlSync } from './state/urlSync.ts';
import './styles.css';

const storage = safeStorage();
const coarsePointer = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
const initial = boot(location, storage, coarsePointer);
const store = createPlaygroundStore(initial);
if (initial.replacedDraft !== null) {
  const replaced = initial.replacedDraft;
  store.getState().showBanner({
    id: 'restore-draft',
    tone: 'info',
    text: 'This link replaced the draft you were working on here.',
    action: { label: 'Restore my draft', run: () => store.getState().loadExample(replaced) },
  });
}
startRecompute(store);
if (!initial.mode.embed) {
  startPersisting(store, storage);
  startUrlSync(store, history, location);
}

const container = document.getElementById('root');
if (container === null) throw new Error('missing #root');
createRoot(container).render(
  <StrictMode>
    <PlaygroundProvider store={store}>
      <App />
    </PlaygroundProvider>
  </StrictMode>,
);
if (initial.mode.embed) startAutoHeight(container);
