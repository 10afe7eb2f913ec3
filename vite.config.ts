import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation: the page may then use SharedArrayBuffer, which the check needs to run on
// several workers (src/worker/checkThreaded.ts); without these headers it runs on one. A host
// serving the built app must send the same two headers on the page (docs/DECISIONS.md).
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  // Several checkouts may share one node_modules (git worktrees): each can keep its own cache.
  cacheDir: process.env.VITE_CACHE_DIR ?? 'node_modules/.vite',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolation },
});
