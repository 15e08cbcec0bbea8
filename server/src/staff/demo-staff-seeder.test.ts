import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { DEMO_STAFF, seedDemoStaff } from './demo-staff-seeder';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';

describeOnEachDatabase('demo staff accounts', (target) => {
  let app: FastifyInstance;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-staff-'));
    file = join(dir, 'demo-staff-passwords.txt');
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, seedDemoRegistry: false, staff: { demoPasswordsFile: file } });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates each account once with its own random password, listed in a 0600 file that works for login', async () => {
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => l[0])).toEqual(DEMO_STAFF.map((d) => d.username));
    const passwords = lines.map((l) => l[2]!);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const p of passwords) expect(p.length).toBeGreaterThanOrEqual(10);

    const [username, , password] = lines[0]!;
    const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'window1', role: 'staff', centreId: DEMO_CENTRE_ID });
    expect((await app.staffAccounts.find('officer'))?.centreId).toBeNull();
    // Officers carry their department (the worklist they work); other roles none.
    expect((await app.staffAccounts.find('officer-mi'))?.department).toBe('medical-insurance');
    expect((await app.staffAccounts.find('officer-so'))?.department).toBe('street-office');
    expect((await app.staffAccounts.find('officer-ca'))?.department).toBe('civil-affairs');
    expect((await app.staffAccounts.find('window1'))?.department).toBeNull();

    // A second start finds the accounts and neither changes them nor writes new passwords.
    expect(await seedDemoStaff(app.staffAccounts, file)).toEqual([]);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(DEMO_STAFF.length);
  });
});
