import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import clockPlugin from '../plugins/clock-plugin';
import databasePlugin from '../plugins/database-plugin';
import errorHandlingPlugin from '../plugins/error-handling-plugin';
import staffAuthPlugin from '../plugins/staff-auth-plugin';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';

const MINUTE = 60_000;
const PASSWORD = 'window-pass-2026';

function sessionCookie(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(value ?? '');
  if (!match) throw new Error(`no staff cookie in ${String(value)}`);
  return `${STAFF_COOKIE}=${match[1]}`;
}

describeOnEachDatabase('staff login and sessions (/api/v1/staff)', (target) => {
  let app: FastifyInstance;
  let now = new Date('2026-12-01T01:00:00Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const login = (username: string, password: string, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password }, ...extra });
  const me = (cookie?: string) => app.inject({ method: 'GET', url: '/api/v1/staff/me', headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    app = await buildApp({
      database: await target.create(),
      dataKey: TEST_DATA_KEY,
      clock: () => now,
      seedDemoRegistry: false,
      staff: { trustForwardedProto: true, throttle: { maxFailuresPerIp: 8 } },
    });
    for (const [username, role, centreId] of [
      ['w1', 'staff', 'CN-XINJING'],
      ['w2', 'staff', 'CN-XINJING'],
      ['w3', 'staff', 'CN-XINJING'],
      ['idle', 'staff', 'CN-XINJING'],
      ['day', 'staff', 'CN-XINJING'],
      ['gone', 'supervisor', 'CN-XINJING'],
      ['locked', 'staff', 'CN-XINJING'],
      ['off1', 'officer', null],
    ] as const) {
      await app.staffAccounts.add({ username, displayName: `窗口 ${username}`, role, centreId, password: PASSWORD });
    }
  });
  afterAll(() => app?.close());

  it('logs in with a session cookie that scripts cannot read and other sites do not send', async () => {
    const res = await login('w1', PASSWORD, { remoteAddress: '10.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { username: 'w1', displayName: '窗口 w1', role: 'staff', centreId: 'CN-XINJING' } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${STAFF_COOKIE}=[A-Za-z0-9_-]{43}; `));
    expect(setCookie.split('; ')).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${10 * 3600}`]));
    expect(setCookie).not.toContain('Secure');

    const cookie = sessionCookie(res);
    expect((await me(cookie)).json()).toEqual(res.json());

    // Only the SHA-256 of the token is stored.
    const token = cookie.split('=')[1]!;
    const rows = await app.db.query<{ token_hash: Buffer }>(
      "SELECT s.token_hash FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE u.username = 'w1'",
    );
    expect(rows.map((r) => r.token_hash.toString('hex'))).toContain(createHash('sha256').update(token).digest('hex'));
    expect(rows.map((r) => r.token_hash.toString('hex'))).not.toContain(Buffer.from(token).toString('hex'));

    const audit = await app.staffAudit.recent(5);
    expect(audit[0]).toMatchObject({ event: 'login_ok', username: 'w1', ip: '10.0.0.1' });
  });

  it('marks the cookie Secure when the request came over https through the proxy', async () => {
    const res = await login('w2', PASSWORD, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie']).split('; ')).toContain('Secure');
  });

  it('gives one answer for an unknown user, a wrong password and a disabled account, and audits them without the password', async () => {
    const wrong = await login('w3', 'not-the-password', { remoteAddress: '10.0.0.2' });
    const unknown = await login('nobody', 'not-the-password', { remoteAddress: '10.0.0.2' });
    await app.staffAccounts.setDisabled('off1', true);
    const disabled = await login('off1', PASSWORD, { remoteAddress: '10.0.0.2' });
    for (const res of [wrong, unknown, disabled]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'STAFF_LOGIN_FAILED', message: '用户名或密码不正确。' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.body).toBe(unknown.body);
    const audit = await app.staffAudit.recent(3);
    expect(audit.map((a) => [a.event, a.username, a.ip])).toEqual([
      ['login_failed', 'off1', '10.0.0.2'],
      ['login_failed', 'nobody', '10.0.0.2'],
      ['login_failed', 'w3', '10.0.0.2'],
    ]);
    const everything = JSON.stringify(await app.db.query('SELECT * FROM staff_audit'));
    expect(everything).not.toContain('not-the-password');
    expect(everything).not.toContain(PASSWORD);
  });

  it('refuses /me without a session, with a made-up token, and after the user is disabled', async () => {
    expect((await me()).json()).toMatchObject({ code: 'STAFF_SESSION_REQUIRED' });
    expect((await me()).statusCode).toBe(401);
    expect((await me(`${STAFF_COOKIE}=${'A'.repeat(43)}`)).statusCode).toBe(401);
    expect((await me(`${STAFF_COOKIE}=garbage; other=1`)).statusCode).toBe(401);
    const cookie = sessionCookie(await login('gone', PASSWORD));
    expect((await me(cookie)).statusCode).toBe(200);
    await app.staffAccounts.setDisabled('gone', true);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends a session idle for 30 minutes; each request restarts that time', async () => {
    const cookie = sessionCookie(await login('idle', PASSWORD));
    advance(29 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
    advance(29 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
    advance(30 * MINUTE);
    expect((await me(cookie)).json()).toMatchObject({ code: 'STAFF_SESSION_REQUIRED' });
    // Refused and purged: the row is gone, so the session cannot come back.
    const [user] = await app.db.query<{ id: string }>("SELECT id::text AS id FROM staff_users WHERE username = 'idle'");
    expect(await app.staffSessions.countForUser(user!.id)).toBe(0);
  });

  it('ends a busy session after 10 hours however active it was', async () => {
    const cookie = sessionCookie(await login('day', PASSWORD));
    for (let i = 0; i < 29; i++) {
      advance(20 * MINUTE);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    advance(20 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('purges expired sessions of other users at the next login', async () => {
    const stale = sessionCookie(await login('w2', PASSWORD));
    advance(31 * MINUTE);
    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions');
    expect(before[0]!.n).toBeGreaterThan(0);
    await login('w1', PASSWORD);
    const after = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions');
    expect(after[0]!.n).toBe(1);
    expect((await me(stale)).statusCode).toBe(401);
  });

  it('logs out: 204, the cookie cleared, the session gone, the logout audited', async () => {
    const cookie = sessionCookie(await login('w1', PASSWORD, { remoteAddress: '10.0.0.3' }));
    const out = await app.inject({ method: 'POST', url: '/api/v1/staff/logout', headers: { cookie }, remoteAddress: '10.0.0.3' });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^${STAFF_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`));
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await app.staffAudit.recent(1))[0]).toMatchObject({ event: 'logout', username: 'w1', ip: '10.0.0.3' });
    const again = await app.inject({ method: 'POST', url: '/api/v1/staff/logout', headers: { cookie } });
    expect(again.statusCode).toBe(204);
  });

  it('throttles a username after 5 failures for a minute, even with the right password, then lets it in', async () => {
    for (let i = 0; i < 5; i++) {
      advance(1000);
      expect((await login('locked', `wrong-guess-${i}`, { remoteAddress: `10.1.0.${i}` })).statusCode).toBe(401);
    }
    advance(1000);
    const throttled = await login('locked', PASSWORD, { remoteAddress: '10.1.1.1' });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ code: 'STAFF_LOGIN_THROTTLED' });
    expect(throttled.headers['retry-after']).toBe('55');
    expect((await app.staffAudit.recent(1))[0]).toMatchObject({ event: 'login_throttled', username: 'locked' });
    // Another user is not affected.
    expect((await login('w3', PASSWORD, { remoteAddress: '10.1.1.1' })).statusCode).toBe(200);
    advance(55 * 1000);
    expect((await login('locked', PASSWORD, { remoteAddress: '10.1.1.1' })).statusCode).toBe(200);
    // A success starts the count again.
    expect((await login('locked', 'wrong-again', { remoteAddress: '10.1.1.1' })).statusCode).toBe(401);
    expect((await login('locked', PASSWORD, { remoteAddress: '10.1.1.1' })).statusCode).toBe(200);
  });

  it('throttles an address that fails for many usernames', async () => {
    advance(5 * MINUTE);
    for (let i = 0; i < 8; i++) {
      expect((await login(`guess${i}`, 'wrong-password', { remoteAddress: '10.9.9.9' })).statusCode).toBe(401);
    }
    expect((await login('w3', PASSWORD, { remoteAddress: '10.9.9.9' })).statusCode).toBe(429);
    expect((await login('w3', PASSWORD, { remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
    advance(MINUTE);
    expect((await login('w3', PASSWORD, { remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
  });

  it.each([
    {},
    { username: 'w1' },
    { username: '', password: PASSWORD },
    { username: 'w 1', password: PASSWORD },
    { username: 'w1', password: '' },
    { username: 'w1', password: 'x'.repeat(257) },
    { username: 'w1', password: 12345678901 },
    { username: 'w1', password: PASSWORD, role: 'supervisor' },
  ])('refuses the login body %j with 400', async (payload) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_JSON');
  });
});

describeOnEachDatabase('requireStaff guard on another route', (target) => {
  let app: FastifyInstance;
  const now = new Date('2026-12-01T02:00:00Z');
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = Fastify();
    await app.register(errorHandlingPlugin);
    await app.register(clockPlugin, { clock: () => now });
    await app.register(databasePlugin, { database: await target.create() });
    await app.register(staffAuthPlugin, {});
    await app.register(async (scope) => {
      scope.get('/supervised', { preHandler: scope.requireStaff('supervisor', 'officer') }, async (request) => ({ by: request.staffUser!.username }));
      scope.get('/any-staff', { preHandler: scope.requireStaff() }, async (request) => ({ role: request.staffUser!.role }));
    });
    await app.ready();
    for (const [username, role] of [['desk', 'staff'], ['boss', 'supervisor']] as const) {
      const user = await app.staffAccounts.add({ username, displayName: username, role, centreId: 'CN-XINJING', password: PASSWORD });
      cookies[username] = `${STAFF_COOKIE}=${await app.staffSessions.create(user!.id)}`;
    }
  });
  afterAll(() => app?.close());

  it('answers 401 without a session, 403 for another role, and runs the route for an allowed role', async () => {
    const none = await app.inject({ method: 'GET', url: '/supervised' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('STAFF_SESSION_REQUIRED');
    const wrongRole = await app.inject({ method: 'GET', url: '/supervised', headers: { cookie: cookies['desk']! } });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toEqual({ code: 'STAFF_ROLE_FORBIDDEN', message: '您的账号没有此项操作的权限。' });
    const ok = await app.inject({ method: 'GET', url: '/supervised', headers: { cookie: cookies['boss']! } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ by: 'boss' });
    const anyStaff = await app.inject({ method: 'GET', url: '/any-staff', headers: { cookie: cookies['desk']! } });
    expect(anyStaff.json()).toEqual({ role: 'staff' });
  });
});
