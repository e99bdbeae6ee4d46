import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const monacoVs = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  // Relative asset URLs: the built site works from any path (GitHub Pages, a docs subfolder).
  base: './',
  plugins: [react()],
  resolve: {
    // monaco-editor >= 0.56 no longer exports esm/vs/* paths, which monaco-yaml's worker imports;
    // without this alias the YAML worker loads a second editor worker and schema markers never appear.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoVs}$1` }],
  },
  optimizeDeps: {
    include: ['path-browserify', 'monaco-editor/esm/vs/editor/editor.worker.js'],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // Read by bench/transfer.ts to tell the first-view JavaScript from the lazy chunks.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Small modules the page and its lazy panels share, all needed for the first view anyway:
              // one chunk instead of a dozen saves a request each and their per-file overhead.
              name: 'shared',
              test: /src[\\/](?:app[\\/](?:state[\\/](?:context|selectors|banners|recompute|store|stabilize)|perfMarks|ruleHref|buildMode|components[\\/](?:AfterFirstPaint|TabList|ErrorBoundary|useClipboard)|editor[\\/]lines)|share[\\/](?:state|fragment|whatIf|outcomes|ruleLinks)|resolver[\\/](?:compare|simulate[\\/]pull))\.tsx?$/,
            },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
