import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The CheckV2 harness's own build (bench/check-responsiveness-v2.mjs): the app's settings, with
// the harness page as the only input.
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  cacheDir: process.env.VITE_CACHE_DIR ?? 'node_modules/.vite',
  plugins: [react()],
  worker: { format: 'es' },
  build: { rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) } },
});
