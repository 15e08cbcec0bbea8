import type { AuditLogPage } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { TestClock, TEST_INSTANT } from '../testing/test-kiosk';
import { insertTestApplication } from '../webhooks/insert-test-application';

const PASSWORD = 'audit-pass-2026';
const ID_TYPED_AS_USERNAME = '310105194401150023';

function cookieOf(res: LightMyRequestResponse): string {
  const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(String(res.headers['set-cookie']));
  if (!match) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return `${STAFF_COOKIE}=${match[1]}`;
}

describeOnEachDatabase('audit log routes', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  const cookies: Record<string, string> = {};
  let applicationNo = '';

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read, webhooks: { dispatch: false } });
    const login = (username: string, password = PASSWORD) => app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password } });
    // Day 1 (2026-03-09 Shanghai): the desk logs in, and someone types an ID number as a username.
    clock.now = new Date('2026-03-09T01:00:00Z');
    await app.staffAccounts.add({ username: 'desk', displayName: '窗口一', role: 'staff', centreId: 'CN-TEST', password: PASSWORD });
    await app.staffAccounts.add({ username: 'boss', displayName: '主管', role: 'supervisor', centreId: 'CN-TEST', password: PASSWORD });
    cookieOf(await login('desk'));
    expect((await login(ID_TYPED_AS_USERNAME, 'wrong-password-1')).statusCode).toBe(401);
    // Day 2 (2026-03-10): both log in, the desk opens a home visit (a person read).
    clock.now = TEST_INSTANT;
    cookies['desk'] = cookieOf(await login('desk'));
    cookies['boss'] = cookieOf(await login('boss'));
    applicationNo = await insertTestApplication(app, {
      serviceKey: 'home-visit',
      parts: [{ department: 'street-office', kind: 'home-visit' }],
      answers: { reason: 'bedridden', services: ['senior-card'], period: 'afternoon' },
      at: clock.now,
    });
    clock.advance(60_000);
    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/home-visits/${applicationNo}/1?reason=${encodeURIComponent('安排上门')}`,
      headers: { cookie: cookies['desk']! },
    });
    expect(read.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, who = 'boss') => app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });

  it('newest first, with who, why and which application part; an ID number typed as a username is masked', async () => {
    const res = await get('/api/v1/admin/audit');
    expect(res.statusCode).toBe(200);
    const page = res.json<AuditLogPage>();
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(page.entries.map((e) => [e.event, e.username])).toEqual([
      ['person_read', 'desk'],
      ['login_ok', 'boss'],
      ['login_ok', 'desk'],
      ['login_failed', '310***********0023'],
      ['login_ok', 'desk'],
    ]);
    expect(page.entries[0]).toMatchObject({ displayName: '窗口一', role: 'staff', reason: '安排上门', applicationNo, partNo: 1, ticketNo: null });
    expect(res.body).not.toContain(ID_TYPED_AS_USERNAME);
  });

  it('filters by Shanghai date range, username and event, and pages', async () => {
    const day1 = (await get('/api/v1/admin/audit?from=2026-03-09&to=2026-03-09')).json<AuditLogPage>();
    expect(day1.entries.map((e) => e.event)).toEqual(['login_failed', 'login_ok']);
    const desk = (await get('/api/v1/admin/audit?username=desk&event=login_ok')).json<AuditLogPage>();
    expect(desk.total).toBe(2);
    const paged = (await get('/api/v1/admin/audit?pageSize=2&page=2')).json<AuditLogPage>();
    expect(paged).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(paged.entries.map((e) => e.username)).toEqual(['desk', '310***********0023']);

    expect((await get('/api/v1/admin/audit?from=2026-02-30')).statusCode).toBe(400);
    expect((await get('/api/v1/admin/audit?from=2026-03-10&to=2026-03-09')).statusCode).toBe(400);
    expect((await get('/api/v1/admin/audit?event=password_read')).statusCode).toBe(400);
    expect((await get('/api/v1/admin/audit?pageSize=1000')).statusCode).toBe(400);
  });

  it('exports CSV in the page language; only supervisors read the log', async () => {
    const csv = await get('/api/v1/admin/audit.csv?event=person_read&lang=zh-CN');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('时间,事件,用户名,姓名,IP 地址,事由,排队号,申请编号,事项');
    expect(lines[1]).toBe(`2026-03-10 10:01:00,查看申请人信息,desk,窗口一,127.0.0.1,安排上门,,${applicationNo},1`);
    expect(lines).toHaveLength(2);

    expect((await get('/api/v1/admin/audit', 'desk')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode).toBe(401);
  });
});
