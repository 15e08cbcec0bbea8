import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** A demo account's random password, from the stack's demo passwords file (username, role, password). */
export function demoPassword(file: string, username: string): string {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${username}\t`));
  if (!line) throw new Error(`no demo password for ${username}`);
  return line.split('\t')[2]!;
}

/** Logs a demo account in on the /admin page, as a person would. */
export async function logInToAdmin(page: Page, serverUrl: string, passwordsFile: string, username: string): Promise<void> {
  await page.goto(`${serverUrl}/admin/`);
  await page.fill('[data-testid=login-form] input[name=username]', username);
  await page.fill('[data-testid=login-form] input[name=password]', demoPassword(passwordsFile, username));
  await page.click('[data-testid=login-form] button[type=submit]');
}
