import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The client is built into dist/client and served by the Hono server.
// `npm run dev:client` proxies /api and /collab to a server on 8080.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/collab': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests start real servers; keep the 2-core machine calm.
    maxWorkers: 2,
  },
});
