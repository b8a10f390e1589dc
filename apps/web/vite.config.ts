import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app builds into dist/web, which the API serves from the same origin (no CORS). `npm run dev:web`
 * starts Vite's dev server for quick edits and sends /graphql to an API already running on API_URL.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // The browser half of the upload client only: its entry also exports the Node file source (node:fs).
    alias: { '#upload-client': fileURLToPath(new URL('../../libs/upload-client/src/film-uploader.ts', import.meta.url)) },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Fellows load the app over slow mobile links: keep the first page small and let the build say how small.
    reportCompressedSize: true,
    // Minified size, not gzip; the 250 KB gzip budget of the first page is checked by test/web.
    chunkSizeWarningLimit: 500,
  },
  server: {
    proxy: { '/graphql': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
