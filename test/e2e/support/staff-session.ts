import { demoPassword } from './demo-staff';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A demo staff member logged in through the real API (session cookie), for staff-only reads. */
export interface StaffSession {
  /** The JSON of a 2xx answer; any other status throws. */
  get<T>(path: string): Promise<T>;
  /** The raw answer, whatever its status. */
  fetch(path: string): Promise<Response>;
}

/**
 * Where a test stack writes its demo staff passwords (pass it as the stack's
 * `demoStaffPasswordsFile`); the folder is removed after the file's tests.
 */
export function demoStaffPasswordsFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eldercare-e2e-staff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'demo-staff-passwords.txt');
}

/** Logs a demo account in with its random password from the stack's demo passwords file. */
export async function staffSession(serverUrl: string, passwordsFile: string, username = 'window1'): Promise<StaffSession> {
  const password = demoPassword(passwordsFile, username);
  const login = await fetch(`${serverUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const send = (path: string) => fetch(`${serverUrl}${path}`, { headers: { cookie } });
  return {
    fetch: send,
    async get<T>(path: string) {
      const response = await send(path);
      if (!response.ok) throw new Error(`${username} GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
