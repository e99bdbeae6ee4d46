/** Set while scripts/prerender.tsx renders the offline file's page under Node, so its markup matches the file's. */
const OFFLINE_PRERENDER = Symbol.for('k3s-registry-playground:offline-prerender');

/**
 * Whether this is the single offline file (vite.offline.config.ts builds in mode `offline`).
 * `?.`: the prerender runs these modules under Node, without Vite's `import.meta.env`.
 */
export function isOfflineFile(): boolean {
  return import.meta.env?.MODE === 'offline' || (globalThis as Record<symbol, unknown>)[OFFLINE_PRERENDER] === true;
}

/** For the prerender of the offline file: render as the file will. */
export function prerenderAsOfflineFile(): void {
  (globalThis as Record<symbol, unknown>)[OFFLINE_PRERENDER] = true;
}
