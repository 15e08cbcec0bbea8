import { existsSync } from 'node:fs';

/**
 * Outside CI a suite whose tool is missing may skip, loudly. In CI (`CI_STRICT=1`, set by
 * .ci/run) nothing may skip: a missing tool fails the run.
 */
export function requireTool(name: string, present: boolean, hint: string): boolean {
  if (present) return true;
  const message = `${name} is not available (${hint}).`;
  if (process.env.CI_STRICT === '1') throw new Error(`${message} CI_STRICT=1 forbids skipping.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING: ${message}\n${'!'.repeat(78)}\n`);
  return false;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = requireTool('Chromium', existsSync(CHROMIUM_PATH), `apt-get install chromium, or set CHROMIUM_PATH`);
