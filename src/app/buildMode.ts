/**
 * Whether this is the single offline file (vite.offline.config.ts builds in mode `offline`).
 * `?.`: the prerender (scripts/prerender.tsx) runs these modules under Node, without Vite's `import.meta.env`.
 */
export const isOfflineFile: boolean = import.meta.env?.MODE === 'offline';
