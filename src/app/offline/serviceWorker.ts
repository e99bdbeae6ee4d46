import type { Banner, PlaygroundStoreApi } from '../state/store.ts';

/** How often an open page asks whether a new build was published (also on returning to the tab). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export const updateBannerId = 'update-ready';

/**
 * Registers the service worker (public site only: never in embeds, never from file://) and
 * announces a new build with a banner. The new worker waits until the user chooses "Reload to
 * update"; only then does it take over and the page reload, so nothing changes under the user.
 */
export async function startServiceWorker(store: PlaygroundStoreApi, container: ServiceWorkerContainer): Promise<void> {
  let registration: ServiceWorkerRegistration;
  try {
    registration = await container.register('./sw.js', { scope: './' });
  } catch {
    return; // Offline use is an extra: the page works without it.
  }
  void keepWhatIsLoaded(container);
  let reloading = false;
  const announce = (waiting: ServiceWorker) => store.getState().showBanner(updateBanner(() => {
    reloading = true;
    waiting.postMessage({ type: 'k3s-rp:skip-waiting' });
  }));
  container.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  // A build that finished installing while no page showed it.
  if (registration.waiting !== null && container.controller !== null) announce(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      // The first install has no controller yet: there is nothing to update from.
      if (installing.state === 'installed' && container.controller !== null) announce(installing);
    });
  });
  const check = () => void registration.update().catch(() => undefined);
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

/**
 * On a first visit the page loads before the worker controls it, so what it fetched (Monaco, once
 * the editor is up; a file still downloading while the worker took over) never passed through the
 * worker: hand it every file of the site the page has loaded, and each one it loads from now on
 * (the worker fetches only what it does not hold yet).
 */
async function keepWhatIsLoaded(container: ServiceWorkerContainer): Promise<void> {
  const registration = await container.ready;
  const site = new URL('./', location.href).href;
  const keep = (entries: readonly PerformanceEntry[]) => {
    const urls = entries.map((entry) => entry.name).filter((url) => url.startsWith(site) && !url.endsWith('/sw.js'));
    if (urls.length > 0) registration.active?.postMessage({ type: 'k3s-rp:keep-loaded', urls });
  };
  keep(performance.getEntriesByType('resource'));
  new PerformanceObserver((list) => keep(list.getEntries())).observe({ type: 'resource' });
}

function updateBanner(reload: () => void): Banner {
  return { id: updateBannerId, tone: 'info', text: 'A new version of the playground is ready. Your draft is kept.', action: { label: 'Reload to update', run: reload } };
}
