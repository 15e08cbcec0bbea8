import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * A multi-page app: each page is its own entry so a kiosk loads only the kiosk. The server
 * serves `dist/` as is: /kiosk/, /sim/, /tech/, /window/, /display/, /admin/.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        sim: resolve(import.meta.dirname, 'sim/index.html'),
        tech: resolve(import.meta.dirname, 'tech/index.html'),
        window: resolve(import.meta.dirname, 'window/index.html'),
        display: resolve(import.meta.dirname, 'display/index.html'),
        admin: resolve(import.meta.dirname, 'admin/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': process.env.SERVER_URL ?? 'http://127.0.0.1:8080' },
  },
});
