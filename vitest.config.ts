import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** New PGlite databases start from one fresh cluster instead of each running initdb (see the file). */
const globalSetup = [resolve(import.meta.dirname, 'test/global-setup/pglite-template.ts')];

/** One vitest run covers every workspace; unit tests sit beside their code, cross-part tests in test/. */
const unit = (name: string, extra: Record<string, unknown> = {}) => ({
  test: { name, root: `./${name}`, include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], ...extra },
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
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
