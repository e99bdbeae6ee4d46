import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: { target: 'es2022', outDir: fileURLToPath(new URL('../../dist-baseline', import.meta.url)), emptyOutDir: true },
  logLevel: 'warn',
});
