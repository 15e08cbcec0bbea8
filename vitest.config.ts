import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** New PGlite databases start from one fresh cluster instead of each running initdb (see the file). */
const globalSetup = [resolve(import.meta.dirname, 'test/global-setup/pglite-template.ts')];

/**
 * Files of one worker share its module cache (no isolation): each file still builds its own app,
 * database and devices, but the server's imports and PGlite's WebAssembly are loaded once per worker
 * instead of once per file (the server's suites: 262 s → 219 s). A test must therefore not leave module state behind.
 */
const isolate = false;

/** One vitest run covers every workspace; unit tests sit beside their code, cross-part tests in test/. */
const unit = (name: string, extra: Record<string, unknown> = {}) => ({
  test: { name, root: `./${name}`, include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], isolate, ...extra },
});

export default defineConfig({
  test: {
    projects: [
      unit('domain'),
      unit('state-machines'),
      unit('device-agent', { testTimeout: 20_000 }),
      unit('server', { testTimeout: 30_000, hookTimeout: 60_000, globalSetup }),
      unit('kiosk-ui'),
      {
        test: {
          name: 'e2e',
          root: './test',
          globalSetup,
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts its own stack and browser; two at once is what 2 cores take.
          // They run after the unit tests (a later group), which fail faster.
          maxWorkers: 2,
          isolate,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
