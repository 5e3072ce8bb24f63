// Builds the stewards' console (apps/console) into dist/console, served by the gateway at /console
// (apps/gateway/src/console/console.controller.ts). `npm run build` runs it after the server code.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Absolute: client routes (/console/catalog/…) fall back to the same index.html, whose asset
  // links must not depend on the depth of the URL it was served at.
  base: '/console/',
  plugins: [react()],
  // The one server library the console uses: @hub/identifiers is pure (no Node API, no I/O), so the
  // page checks a citizen ID or a USCC with the hub's own parsers. Other libraries pull in Node.
  resolve: {
    alias: { '@hub/identifiers': fileURLToPath(new URL('../../libs/identifiers/src/index.ts', import.meta.url)) },
  },
  // No public/ folder: everything the page loads is in the bundle (no CDN, no stray files).
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Small images and fonts inline as data: URLs (the CSP allows data: for both), never fetched.
    assetsInlineLimit: 100_000,
    target: ['es2022', 'chrome111', 'edge111', 'firefox115', 'safari16.4'],
    // Chunk sizes are reported by scripts/console-size.mjs against the 500 KB budget instead.
    chunkSizeWarningLimit: 2_000,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
