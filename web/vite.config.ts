import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: built to web/dist and served by `truce serve` (src/server/routes/dashboard.ts). */
export default defineConfig(({ command }) => {
  // A build is always the production one. Vite otherwise takes NODE_ENV from the shell (Vitest sets
  // it to `test`) and ships React's development build: 3x larger, and StrictMode runs effects twice.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('./dist/', import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      assetsDir: 'assets',
      sourcemap: false,
    },
    server: {
      // `vite --config web/vite.config.ts` during development: the API comes from a running `truce serve`.
      proxy: { '/api': 'http://127.0.0.1:8080' },
    },
  };
});
