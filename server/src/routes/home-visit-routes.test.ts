import { randomUUID } from 'node:crypto';
import type { HomeVisitDetail, HomeVisitList, HomeVisitMoved } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { asApplication, demoPerson, identify, postApplication, TestClock, TEST_INSTANT } from '../testing/test-kiosk';

const PASSWORD = 'home-visit-pass-2026';
const PHONE = '13812345678';

function cookieOf(res: LightMyRequestResponse): string {
  const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(String(res.headers['set-cookie']));
  if (!match) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return `${STAFF_COOKIE}=${match[1]}`;
}

describeOnEachDatabase('home visit routes (上门办)', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read, webhooks: { dispatch: false, allowedOrigins: ['http://127.0.0.1:9'] } });
    for (const [username, role] of [
      ['desk', 'staff'],
      ['boss', 'supervisor'],
      ['officer-x', 'officer'],
    ] as const) {
      await app.staffAccounts.add({ username, displayName: username, role, centreId: role === 'officer' ? null : 'CN-TEST', password: PASSWORD });
      cookies[username] = cookieOf(await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } }));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A real home-visit application by 张桂花 (82) from the kiosk. */
  async function bookVisit(): Promise<string> {
    const { identifyToken } = await identify(app, demoPerson('zhang-guihua').card);
    const res = await postApplication(
      app,
      { serviceKey: 'home-visit', identifyToken, answers: { reason: 'age-80-plus', services: ['senior-card'], period: 'morning', phone: PHONE } },
      randomUUID(),
    );
    return asApplication(res).applicationNo;
  }

  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const move = (who: string, applicationNo: string, body: object) =>
    app.inject({ method: 'POST', url: `/api/v1/admin/home-visits/${applicationNo}/1/moves`, payload: body, headers: { cookie: cookies[who]! } });

  it('lists visits without person data, shows one masked only with a reason, and audits that read', async () => {
    const applicationNo = await bookVisit();
    const list = await get('desk', '/api/v1/admin/home-visits');
    expect(list.statusCode).toBe(200);
    const visit = list.json<HomeVisitList>().visits.find((v) => v.applicationNo === applicationNo);
    expect(visit).toMatchObject({ partNo: 1, status: 'submitted', reason: 'age-80-plus', period: 'morning', services: ['senior-card'], visitDate: null, handledExternally: false });
    expect(visit!.nextStatuses).toEqual(['visit-scheduled', 'rejected']);
    expect(list.body).not.toContain('张');
    expect(list.body).not.toContain('5678');

    expect((await get('desk', `/api/v1/admin/home-visits/${applicationNo}/1`)).statusCode).toBe(400);
    expect((await get('desk', `/api/v1/admin/home-visits/${applicationNo}/1?reason=%20`)).statusCode).toBe(400);
    const detail = await get('desk', `/api/v1/admin/home-visits/${applicationNo}/1?reason=${encodeURIComponent('电话确认上门时间')}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<HomeVisitDetail>();
    expect(body.person).toMatchObject({ name: '张**', phone: '138****5678', proxyName: null });
    expect(body.person.address).not.toMatch(/\d/);
    expect(body.history).toMatchObject([{ from: null, to: 'submitted' }]);
    expect(detail.body).not.toContain(demoPerson('zhang-guihua').idNumber);

    const audit = await app.db.query<{ event: string; username: string; reason: string; part_no: number }>(
      `SELECT s.event, s.username, s.reason, s.part_no FROM staff_audit s JOIN applications a ON a.id = s.application_id WHERE a.application_no = $1`,
      [applicationNo],
    );
    expect(audit).toEqual([{ event: 'person_read', username: 'desk', reason: '电话确认上门时间', part_no: 1 }]);

    expect((await get('officer-x', '/api/v1/admin/home-visits')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/home-visits' })).statusCode).toBe(401);
    const missing = await get('desk', `/api/v1/admin/home-visits/YL20990101000000/1?reason=x`);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'HOME_VISIT_NOT_FOUND']);
  });

  it('schedules (today or later), moves to another day, completes; stale and refused moves are 409', async () => {
    const applicationNo = await bookVisit();
    const past = await move('desk', applicationNo, { to: 'visit-scheduled', from: 'submitted', visitDate: '2026-03-09' });
    expect([past.statusCode, past.json().code]).toEqual([400, 'VISIT_DATE_IN_PAST']);
    const noDate = await move('desk', applicationNo, { to: 'visit-scheduled', from: 'submitted' });
    expect(noDate.statusCode).toBe(400);
    const early = await move('desk', applicationNo, { to: 'completed', from: 'submitted' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'PART_MOVE_NOT_ALLOWED']);

    const scheduled = await move('desk', applicationNo, { to: 'visit-scheduled', from: 'submitted', visitDate: '2026-03-12' });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json<HomeVisitMoved>().visit).toMatchObject({ status: 'visit-scheduled', visitDate: '2026-03-12', nextStatuses: ['visit-scheduled', 'completed'] });
    const stale = await move('boss', applicationNo, { to: 'visit-scheduled', from: 'submitted', visitDate: '2026-03-13' });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'PART_CHANGED']);
    const moved = await move('boss', applicationNo, { to: 'visit-scheduled', from: 'visit-scheduled', visitDate: '2026-03-13', note: '老人要求改期' });
    expect(moved.json<HomeVisitMoved>().visit.visitDate).toBe('2026-03-13');
    const done = await move('desk', applicationNo, { to: 'completed', from: 'visit-scheduled' });
    expect(done.json<HomeVisitMoved>().visit).toMatchObject({ status: 'completed', nextStatuses: [] });
    expect(done.json<HomeVisitMoved>().history.map((h) => h.to)).toEqual(['submitted', 'visit-scheduled', 'visit-scheduled', 'completed']);

    const history = await app.db.query<{ actor: string; from_status: string | null; to_status: string; note: string | null }>(
      `SELECT e.actor, e.from_status, e.to_status, e.note FROM application_part_events e JOIN applications a ON a.id = e.application_id
       WHERE a.application_no = $1 ORDER BY e.id`,
      [applicationNo],
    );
    expect(history.map((h) => [h.actor, h.from_status, h.to_status])).toEqual([
      [expect.any(String), null, 'submitted'],
      ['desk', 'submitted', 'visit-scheduled'],
      ['boss', 'visit-scheduled', 'visit-scheduled'],
      ['desk', 'visit-scheduled', 'completed'],
    ]);
    expect(history[2]!.note).toBe('老人要求改期');
    const [application] = await app.db.query<{ status: string }>('SELECT status FROM applications WHERE application_no = $1', [applicationNo]);
    expect(application!.status).toBe('completed');
    const doneList = await get('desk', '/api/v1/admin/home-visits?status=done');
    expect(doneList.json<HomeVisitList>().visits.map((v) => v.applicationNo)).toContain(applicationNo);
  });

  it('a visit the street office system took over is not moved here', async () => {
    await app.webhookSubscriptions.put('street-office', { url: 'http://127.0.0.1:9/so', secret: 'street-office-secret-0123456789abcdef', takeover: true }, 'boss');
    const applicationNo = await bookVisit();
    const list = await get('desk', '/api/v1/admin/home-visits');
    expect(list.json<HomeVisitList>().visits.find((v) => v.applicationNo === applicationNo)).toMatchObject({ handledExternally: true, nextStatuses: [] });
    const refused = await move('desk', applicationNo, { to: 'visit-scheduled', from: 'submitted', visitDate: '2026-03-12' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'PART_HANDLED_EXTERNALLY']);
    await app.webhookSubscriptions.remove('street-office');
  });
});
