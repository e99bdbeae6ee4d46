import { defineConfig } from 'vite';

/**
 * The `<k3s-registry-chains>` custom element as its own bundle, dist/element.js: the engine and
 * the link codec, no React and no Monaco. re2js and the older releases' support are separate
 * chunks under dist/element/, fetched only by a file that needs them. Runs after the site's
 * build (`npm run build`), into the same folder.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    copyPublicDir: false,
    // Library mode leaves ES output unminified by default; this file is for the web.
    minify: true,
    lib: { entry: 'src/element/element.ts', formats: ['es'], fileName: () => 'element.js' },
    rolldownOptions: { output: { chunkFileNames: 'element/[name]-[hash].js', minify: true } },
  },
});
