import { randomUUID } from 'node:crypto';
import type { AuditLogPage, HomeVisitList, IdCardData, IdentifyResponse, WorklistResponse } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { asApplication, demoPerson, postApplication, TestClock, TEST_INSTANT } from '../testing/test-kiosk';

const PASSWORD = 'centre-scope-pass-2026';
const A = 'centre-a';
const B = 'centre-b';

function cookieOf(res: LightMyRequestResponse): string {
  const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(String(res.headers['set-cookie']));
  if (!match) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return `${STAFF_COOKIE}=${match[1]}`;
}

describeOnEachDatabase('centre scoping (applications, 上门办, department worklists, audit log)', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  const cookies: Record<string, string> = {};
  /** Home-visit applications by the kiosk's centre: A, B, an unknown centre, none said. */
  const visit: Record<'a' | 'b' | 'unknown' | 'none', string> = { a: '', b: '', unknown: '', none: '' };

  async function identifyAt(card: IdCardData, centreId?: string): Promise<IdentifyResponse> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card, kioskId: 'K-1', ...(centreId !== undefined && { centreId }) } });
    if (res.statusCode !== 200) throw new Error(`identify failed: ${res.statusCode} ${res.body}`);
    return res.json<IdentifyResponse>();
  }

  async function bookVisit(person: string, centreId?: string): Promise<string> {
    const { identifyToken } = await identifyAt(demoPerson(person).card, centreId);
    const answers = { reason: 'age-80-plus', services: ['senior-card'], period: 'morning', phone: '13812345678' };
    return asApplication(await postApplication(app, { serviceKey: 'home-visit', identifyToken, answers }, randomUUID())).applicationNo;
  }

  const centreOf = async (applicationNo: string) =>
    (await app.db.query<{ centre_id: string | null }>('SELECT centre_id FROM applications WHERE application_no = $1', [applicationNo]))[0]!.centre_id;
  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const reason = `reason=${encodeURIComponent('电话确认')}`;

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read, webhooks: { dispatch: false } });
    for (const id of [A, B]) {
      await app.db.query(
        `INSERT INTO centres (id, name_zh, name_en, queue_rules, created_at) VALUES ($1, $1, $1, '{}'::jsonb, $2)`,
        [id, TEST_INSTANT],
      );
    }
    for (const [username, role, centreId] of [
      ['desk-a', 'staff', A],
      ['boss-a', 'supervisor', A],
      ['desk-b', 'staff', B],
      ['boss-b', 'supervisor', B],
      ['street', 'officer', null],
    ] as const) {
      await app.staffAccounts.add({ username, displayName: username, role, centreId, password: PASSWORD, ...(role === 'officer' && { department: 'street-office' }) });
      cookies[username] = cookieOf(await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } }));
    }
    visit.a = await bookVisit('zhang-guihua', A);
    visit.b = await bookVisit('gao-shulan', B);
    visit.unknown = await bookVisit('wu-meiling', 'no-such-centre');
    visit.none = await bookVisit('qian-shuzhen');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an application takes the centre of the senior’s token; an unknown centre is kept as none', async () => {
    expect([await centreOf(visit.a), await centreOf(visit.b), await centreOf(visit.unknown), await centreOf(visit.none)]).toEqual([A, B, null, null]);
    // 代办: the senior was identified at A, the daughter's card at B: the senior's centre counts.
    const senior = await identifyAt(demoPerson('shen-guiying').card, A);
    const daughter = await identifyAt(demoPerson('li-xiuying').card, B);
    const res = await postApplication(
      app,
      {
        serviceKey: 'home-visit',
        identifyToken: senior.identifyToken,
        proxy: { identifyToken: daughter.identifyToken, relationship: 'child', consent: true },
        answers: { reason: 'age-80-plus', services: ['senior-card'], period: 'afternoon', phone: '13812345678' },
      },
      randomUUID(),
    );
    expect(await centreOf(asApplication(res).applicationNo)).toBe(A);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card: demoPerson('zhang-guihua').card, centreId: 'a b' } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  describe('上门办', () => {
    it('staff see their centre’s visits and those of no centre; another centre’s is not found', async () => {
      const listed = async (who: string) => (await get(who, '/api/v1/admin/home-visits?status=all')).json<HomeVisitList>().visits.map((v) => v.applicationNo);
      const seenByA = await listed('desk-a');
      expect(seenByA).toEqual(expect.arrayContaining([visit.a, visit.unknown, visit.none]));
      expect(seenByA).not.toContain(visit.b);
      const seenByB = await listed('boss-b');
      expect(seenByB).toEqual(expect.arrayContaining([visit.b, visit.unknown, visit.none]));
      expect(seenByB).not.toContain(visit.a);

      const other = await get('desk-a', `/api/v1/admin/home-visits/${visit.b}/1?${reason}`);
      expect([other.statusCode, other.json().code]).toEqual([404, 'HOME_VISIT_NOT_FOUND']);
      const move = await app.inject({
        method: 'POST',
        url: `/api/v1/admin/home-visits/${visit.b}/1/moves`,
        payload: { from: 'submitted', to: 'rejected' },
        headers: { cookie: cookies['boss-a']! },
      });
      expect([move.statusCode, move.json().code]).toEqual([404, 'HOME_VISIT_NOT_FOUND']);
      // Nothing was read, so nothing is audited; the visit did not move.
      const rows = await app.db.query(`SELECT 1 FROM staff_audit s JOIN applications a ON a.id = s.application_id WHERE a.application_no = $1`, [visit.b]);
      expect(rows).toEqual([]);
      expect((await get('desk-a', `/api/v1/admin/home-visits/${visit.none}/1?${reason}`)).statusCode).toBe(200);
    });
  });

  describe('department worklists', () => {
    const worklist = async (who: string, query = '') => (await get(who, `/api/v1/departments/worklist?limit=100${query}`)).json<WorklistResponse>();

    it('a supervisor reads their centre’s applications (and those of no centre); the officer the whole department', async () => {
      const a = await worklist('boss-a', '&department=street-office');
      const numbers = a.parts.map((p) => p.applicationNo);
      expect(numbers).toEqual(expect.arrayContaining([visit.a, visit.unknown, visit.none]));
      expect(numbers).not.toContain(visit.b);
      expect(a.total).toBe(a.parts.length);

      const officer = await worklist('street');
      expect(officer.parts.map((p) => p.applicationNo)).toEqual(expect.arrayContaining([visit.a, visit.b, visit.unknown, visit.none]));
      expect(officer.total).toBe(a.total + 1);

      const other = await get('boss-a', `/api/v1/departments/parts/${visit.b}/1?${reason}`);
      expect([other.statusCode, other.json().code]).toEqual([403, 'PART_NOT_YOURS']);
      expect((await get('boss-b', `/api/v1/departments/parts/${visit.b}/1?${reason}`)).statusCode).toBe(200);
    });
  });

  describe('audit log', () => {
    it('a supervisor sees their centre’s staff, officers’ reads of their centre’s applications and rows of no centre', async () => {
      expect((await get('desk-b', `/api/v1/admin/home-visits/${visit.b}/1?${reason}`)).statusCode).toBe(200);
      expect((await get('street', `/api/v1/departments/parts/${visit.a}/1?${reason}`)).statusCode).toBe(200);
      expect((await get('street', `/api/v1/departments/parts/${visit.b}/1?${reason}`)).statusCode).toBe(200);
      // An unknown username's failed login belongs to no centre.
      await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: 'nobody', password: 'wrong-password-1' } });

      const seen = async (who: string) =>
        (await get(who, '/api/v1/admin/audit?pageSize=200')).json<AuditLogPage>().entries.map((e) => `${e.username} ${e.event} ${e.applicationNo ?? ''}`.trim());
      const a = await seen('boss-a');
      expect(a).toEqual(
        expect.arrayContaining(['desk-a login_ok', 'boss-a login_ok', `desk-a person_read ${visit.none}`, `street person_read ${visit.a}`, 'street login_ok', 'nobody login_failed']),
      );
      expect(a.filter((row) => row.startsWith('desk-b') || row.startsWith('boss-b') || row.endsWith(visit.b))).toEqual([]);

      const b = await seen('boss-b');
      expect(b).toEqual(expect.arrayContaining(['desk-b login_ok', `desk-b person_read ${visit.b}`, `street person_read ${visit.b}`, 'nobody login_failed']));
      expect(b.filter((row) => row.startsWith('desk-a') || row.startsWith('boss-a') || row.endsWith(visit.a))).toEqual([]);

      const page = (await get('boss-a', '/api/v1/admin/audit?pageSize=200')).json<AuditLogPage>();
      expect(page.total).toBe(a.length);
      const csv = (await get('boss-a', '/api/v1/admin/audit.csv')).body;
      expect(csv).toContain(visit.a);
      expect(csv).not.toContain(visit.b);
      expect(csv).not.toContain('desk-b');
    });
  });
});
