import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from './vite.config.ts';
import { singleFile } from './scripts/offline/singleFile.ts';

/**
 * The playground as one self-contained HTML file for air-gapped networks (`npm run build:offline`):
 * mode `offline`, one JavaScript chunk, Monaco's workers inline as blob workers, the schema and
 * fonts inline. scripts/offline/build.ts then names the file and stamps its hash.
 */
export default defineConfig((env) =>
  mergeConfig(base, {
    mode: 'offline',
    publicDir: false,
    plugins: [inlineWorkers(), singleFile()],
    build: {
      outDir: 'build/offline',
      emptyOutDir: true,
      manifest: false,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      cssCodeSplit: false,
      rolldownOptions: { output: { codeSplitting: false } },
    },
    // Classic workers: Chromium refuses module workers from blob: URLs on a file:// page.
    worker: { format: 'iife' },
  }, env.command === 'serve'),
);

/** `?worker` imports become `?worker&inline`: the worker's code travels inside the page and starts from a blob URL. */
function inlineWorkers(): Plugin {
  return {
    name: 'k3s-rp:inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (!/src[\\/]app[\\/]editor[\\/]MonacoEditor\.tsx$/.test(id)) return null;
      return code.replaceAll(/(\.worker\.ts)\?worker'/g, "$1?worker&inline'");
    },
  };
}
