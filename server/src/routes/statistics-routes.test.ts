import { randomUUID } from 'node:crypto';
import type { CentreDayStatistics, DurationStats } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { TestClock, TEST_INSTANT } from '../testing/test-kiosk';

const PASSWORD = 'statistics-pass-2026';
const DAY = '2026-03-10';
const centre = DEMO_CENTRE_ID;
const MIN = 60;

interface SeedTicket {
  no: string;
  /** Shanghai wall-clock times on DAY, HH:MM[:SS]. */
  issued: string;
  called?: string;
  /** The call the person answered; default `called`. */
  lastCalled?: string;
  /** Default 1 once called. */
  callCount?: number;
  finished?: string;
  status: string;
  counter?: number;
  /** The line it waits in or was served in now; default the number's letter (which numbered it). */
  category?: string;
  /** Set as the window terminal's transfer leaves it: issued_category = the number's letter. */
  transferredFrom?: number;
  targetCounter?: number;
  priority?: string[];
  day?: string;
  centreId?: string;
}

const at = (day: string, time: string) => new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);

/** Inserts tickets as the queue and the window terminal would have left them, with known times. */
async function seed(app: FastifyInstance, tickets: SeedTicket[]): Promise<void> {
  for (const t of tickets) {
    const day = t.day ?? DAY;
    const lastCalled = t.lastCalled ?? t.called;
    await app.db.query(
      `INSERT INTO tickets (id, centre_id, category, day, sequence, ticket_no, priority, person_index, kiosk_id, issued_at, status, called_at, counter_number, finished_at,
         last_called_at, call_count, issued_category, transferred_from_counter, target_counter)
       VALUES ($1::uuid, $2, $3, $4::date, $5, $6, $7::text[], $8, 'kiosk-7', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        randomUUID(),
        t.centreId ?? centre,
        t.category ?? t.no[0]!,
        day,
        Number(t.no.slice(1)),
        t.no,
        `{${(t.priority ?? []).join(',')}}`,
        Buffer.from('a1b2c3d4e5f60718', 'hex'),
        at(day, t.issued),
        t.status,
        t.called ? at(day, t.called) : null,
        t.counter ?? null,
        t.finished ? at(day, t.finished) : null,
        lastCalled ? at(day, lastCalled) : null,
        t.callCount ?? (t.called ? 1 : 0),
        t.transferredFrom === undefined ? null : t.no[0]!,
        t.transferredFrom ?? null,
        t.targetCounter ?? null,
      ],
    );
  }
}

/**
 * The day under test (Shanghai times). Waits, minutes: A001 5, A002 10, A003 20, A004 2, B001 30,
 * C001 1, C002 15. Service (done only): A001 10, A002 6, A004 12, B001 20. C003 at 07:59:30 is
 * 23:59:30 UTC the day before: it belongs to hour 7 of DAY. C001 was called at counter 4, which
 * transferred it to counter 2 by name (same category): back to waiting, call count reset.
 */
const DAY_TICKETS: SeedTicket[] = [
  { no: 'C003', issued: '07:59:30', status: 'cancelled' },
  { no: 'A001', issued: '08:05', called: '08:10', finished: '08:20', status: 'done', counter: 1 },
  { no: 'A002', issued: '08:15', called: '08:25', finished: '08:31', status: 'done', counter: 1, priority: ['age80'] },
  { no: 'B001', issued: '08:40', called: '09:10', finished: '09:30', status: 'done', counter: 3, priority: ['veteran'] },
  { no: 'A003', issued: '09:00', called: '09:20', finished: '09:21', status: 'no-show', counter: 2 },
  { no: 'A004', issued: '09:30', called: '09:32', finished: '09:44', status: 'done', counter: 2, priority: ['age80', 'disability'] },
  { no: 'B002', issued: '10:05', status: 'waiting' },
  { no: 'A005', issued: '10:10', status: 'cancelled' },
  { no: 'C001', issued: '13:00', called: '13:01', callCount: 0, status: 'waiting', transferredFrom: 4, targetCounter: 2 },
  { no: 'C002', issued: '13:30', called: '13:45', status: 'called', counter: 4 },
];

/** count, average, median, p90 (percentile_cont), max — in minutes for readability, compared in seconds. */
function d(count: number, avgMin?: number, medianMin?: number, p90Min?: number, maxMin?: number): DurationStats {
  if (count === 0) return { count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null, maxSeconds: null };
  const s = (m: number) => Math.round(m * MIN);
  return { count, averageSeconds: s(avgMin!), medianSeconds: s(medianMin!), p90Seconds: s(p90Min!), maxSeconds: s(maxMin!) };
}

function counts(issued: number, called: number, served: number, noShow: number, cancelled: number, transferred: number, waiting: number, recalls = 0) {
  return { issued, called, served, noShow, cancelled, transferred, waiting, recalls };
}

function cookieOf(res: LightMyRequestResponse): string {
  const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(String(res.headers['set-cookie']));
  if (!match) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return `${STAFF_COOKIE}=${match[1]}`;
}

describeOnEachDatabase('statistics of a centre’s day (/api/v1/admin)', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  const cookies: Record<string, string> = {};
  const get = (who: string | null, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...headers, ...(who === null ? {} : { cookie: cookies[who]! }) } });
  const statsUrl = (centreId: string, query = `?date=${DAY}`) => `/api/v1/admin/centres/${centreId}/statistics${query}`;

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read, seedDemoRegistry: true });
    await app.db.query(
      `INSERT INTO centres (id, name_zh, name_en, queue_rules, created_at) SELECT 'other-centre', '另一中心', 'Other centre', queue_rules, created_at FROM centres WHERE id = $1`,
      [centre],
    );
    await app.db.query(`INSERT INTO ticket_categories (centre_id, code, name_zh, name_en) VALUES ('other-centre', 'A', '养老服务', 'Elderly care')`);
    for (const [username, role, centreId] of [
      ['boss', 'supervisor', centre],
      ['other-boss', 'supervisor', 'other-centre'],
      ['street', 'officer', null],
      ['desk', 'staff', centre],
    ] as const) {
      await app.staffAccounts.add({ username, displayName: username, role, centreId, password: PASSWORD });
      cookies[username] = cookieOf(await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } }));
    }
    await seed(app, DAY_TICKETS);
    // Not this day, or not this centre: never counted.
    await seed(app, [
      { no: 'A001', issued: '23:30', called: '23:31', finished: '23:50', status: 'done', counter: 1, day: '2026-03-09' },
      { no: 'A001', issued: '09:00', called: '09:01', finished: '09:02', status: 'done', counter: 1, centreId: 'other-centre' },
      // Issued by an instance whose clock runs a second ahead of the one that called it.
      { no: 'A002', issued: '09:10:00', called: '09:09:59', status: 'called', counter: 2, centreId: 'other-centre' },
    ]);
  });
  afterAll(() => app?.close());

  it('counts the day’s tickets, with waiting and service times per category and counter', async () => {
    const res = await get('boss', statsUrl(centre));
    expect(res.statusCode).toBe(200);
    const stats = res.json<CentreDayStatistics>();
    expect(stats.centreId).toBe(centre);
    expect(stats.date).toBe(DAY);
    // Waits 1 2 5 10 15 20 30: p90 at rank 5.4 → 20 + 0.4 × 10. Service 6 10 12 20: p90 at rank 2.7 → 12 + 0.7 × 8.
    expect(stats.totals).toEqual({
      counts: counts(10, 7, 4, 1, 2, 1, 2),
      waitingTime: d(7, 83 / 7, 10, 24, 30),
      serviceTime: d(4, 12, 11, 17.6, 20),
    });
    expect(stats.byCategory).toEqual([
      { code: 'A', name: { zh: '养老服务', en: 'Elderly-care services' }, counts: counts(5, 4, 3, 1, 1, 0, 0), waitingTime: d(4, 9.25, 7.5, 17, 20), serviceTime: d(3, 28 / 3, 10, 11.6, 12) },
      { code: 'B', name: expect.any(Object), counts: counts(2, 1, 1, 0, 0, 0, 1), waitingTime: d(1, 30, 30, 30, 30), serviceTime: d(1, 20, 20, 20, 20) },
      { code: 'C', name: expect.any(Object), counts: counts(3, 2, 0, 0, 1, 1, 1), waitingTime: d(2, 8, 8, 13.6, 15), serviceTime: d(0) },
    ]);
    expect(stats.byCounter).toEqual([
      { counterNumber: 1, counts: counts(2, 2, 2, 0, 0, 0, 0), waitingTime: d(2, 7.5, 7.5, 9.5, 10), serviceTime: d(2, 8, 8, 9.6, 10) },
      { counterNumber: 2, counts: counts(2, 2, 1, 1, 0, 0, 0), waitingTime: d(2, 11, 11, 18.2, 20), serviceTime: d(1, 12, 12, 12, 12) },
      { counterNumber: 3, counts: counts(1, 1, 1, 0, 0, 0, 0), waitingTime: d(1, 30, 30, 30, 30), serviceTime: d(1, 20, 20, 20, 20) },
      { counterNumber: 4, counts: counts(2, 2, 0, 0, 0, 1, 0), waitingTime: d(2, 8, 8, 13.6, 15), serviceTime: d(0) },
    ]);
  });

  it('counts transfers and recalls, with service time from the call the person answered, where each step happened', async () => {
    const day = '2026-03-11';
    // As the window terminal leaves them. A001: first called at counter 1, which transferred it to
    // line B; counter 3 called it at 09:40 and served it. A002: recalled twice, served after the
    // last call. A003: called at counter 1, transferred to line C, waiting there again. A004:
    // called at counter 2, transferred to B; counter 3 called and recalled it, then no-show.
    await seed(app, [
      { no: 'A001', day, issued: '09:00', called: '09:10', lastCalled: '09:40', finished: '09:50', status: 'done', category: 'B', transferredFrom: 1, counter: 3 },
      { no: 'A002', day, issued: '09:05', called: '09:15', lastCalled: '09:20', callCount: 3, finished: '09:26', status: 'done', counter: 2 },
      { no: 'B001', day, issued: '09:20', called: '09:30', finished: '09:35', status: 'done', counter: 3 },
      { no: 'A003', day, issued: '09:30', called: '09:32', callCount: 0, status: 'waiting', category: 'C', transferredFrom: 1 },
      { no: 'A004', day, issued: '09:40', called: '09:45', lastCalled: '10:07', callCount: 2, finished: '10:10', status: 'no-show', category: 'B', transferredFrom: 2, counter: 3 },
    ]);
    const stats = (await get('boss', statsUrl(centre, `?date=${day}`))).json<CentreDayStatistics>();
    // Waits 2 5 10 10 10; service A001 10 (not 40: its second wait), A002 6 (not 11: the recalls), B001 5.
    expect(stats.totals).toEqual({ counts: counts(5, 5, 3, 1, 0, 3, 1, 3), waitingTime: d(5, 7.4, 10, 10, 10), serviceTime: d(3, 7, 6, 9.2, 10) });
    // Taken, called, transferred and waited under the line that numbered it; served, no-show,
    // waiting, recalls and service time under the line that has it now.
    expect(stats.byCategory.map(({ code, counts, waitingTime, serviceTime }) => ({ code, counts, waitingTime, serviceTime }))).toEqual([
      { code: 'A', counts: counts(4, 4, 1, 0, 0, 3, 0, 2), waitingTime: d(4, 6.75, 7.5, 10, 10), serviceTime: d(1, 6, 6, 6, 6) },
      { code: 'B', counts: counts(1, 1, 2, 1, 0, 0, 0, 1), waitingTime: d(1, 10, 10, 10, 10), serviceTime: d(2, 7.5, 7.5, 9.5, 10) },
      { code: 'C', counts: counts(0, 0, 0, 0, 0, 0, 1, 0), waitingTime: d(0), serviceTime: d(0) },
    ]);
    // Likewise per counter: the one that called it first (and transferred it), the one that has it now.
    expect(stats.byCounter).toEqual([
      { counterNumber: 1, counts: counts(2, 2, 0, 0, 0, 2, 0, 0), waitingTime: d(2, 6, 6, 9.2, 10), serviceTime: d(0) },
      { counterNumber: 2, counts: counts(2, 2, 1, 0, 0, 1, 0, 2), waitingTime: d(2, 7.5, 7.5, 9.5, 10), serviceTime: d(1, 6, 6, 6, 6) },
      { counterNumber: 3, counts: counts(1, 1, 2, 1, 0, 0, 0, 1), waitingTime: d(1, 10, 10, 10, 10), serviceTime: d(2, 7.5, 7.5, 9.5, 10) },
      { counterNumber: 4, counts: counts(0, 0, 0, 0, 0, 0, 0, 0), waitingTime: d(0), serviceTime: d(0) },
    ]);

    const csv = (await get('boss', `/api/v1/admin/centres/${centre}/statistics.csv?date=${day}`)).body.split('\r\n');
    expect(csv).toContain('合计,5,5,3,1,0,3,1,3,7.4,10,10,10,7,6,9.2,10');
    expect(csv).toContain(`A001,B,,${day} 09:00:00,${day} 09:10:00,${day} 09:40:00,${day} 09:50:00,3,1,已办结`);
    expect(csv).toContain(`A003,C,,${day} 09:30:00,${day} 09:32:00,${day} 09:32:00,,,1,等候中`);
  });

  it('gives the priority share per class and the tickets per Shanghai hour', async () => {
    const stats = (await get('boss', statsUrl(centre))).json<CentreDayStatistics>();
    expect(stats.priority).toEqual({
      tickets: 3,
      share: 0.3,
      byClass: [
        { priorityClass: 'age80', tickets: 2 },
        { priorityClass: 'veteran', tickets: 1 },
        { priorityClass: 'disability', tickets: 1 },
        { priorityClass: 'appointment', tickets: 0 },
      ],
    });
    expect(stats.issuedPerHour).toHaveLength(24);
    expect(stats.issuedPerHour.filter((h) => h.issued > 0)).toEqual([
      { hour: 7, issued: 1 },
      { hour: 8, issued: 3 },
      { hour: 9, issued: 2 },
      { hour: 10, issued: 2 },
      { hour: 13, issued: 2 },
    ]);
  });

  it('lists every category and counter with zeros on a day without tickets, and defaults to today', async () => {
    const empty = (await get('street', statsUrl(centre, '?date=2026-03-08'))).json<CentreDayStatistics>();
    expect(empty.totals).toEqual({ counts: counts(0, 0, 0, 0, 0, 0, 0), waitingTime: d(0), serviceTime: d(0) });
    expect(empty.byCategory.map((c) => [c.code, c.counts.issued])).toEqual([['A', 0], ['B', 0], ['C', 0]]);
    expect(empty.byCounter.map((c) => c.counterNumber)).toEqual([1, 2, 3, 4]);
    expect(empty.priority).toMatchObject({ tickets: 0, share: 0 });
    expect(empty.issuedPerHour.every((h) => h.issued === 0)).toBe(true);

    // TEST_INSTANT is 10:00 on DAY in Shanghai.
    const today = (await get('boss', statsUrl(centre, ''))).json<CentreDayStatistics>();
    expect(today.date).toBe(DAY);
    expect(today.totals.counts.issued).toBe(10);
  });

  it('lets an officer see any centre and a supervisor only their own', async () => {
    expect((await get('street', '/api/v1/admin/centres')).json()).toEqual({
      centres: [
        { centreId: 'other-centre', name: { zh: '另一中心', en: 'Other centre' } },
        { centreId: centre, name: expect.objectContaining({ zh: expect.stringContaining('天平路') }) },
      ],
    });
    expect((await get('boss', '/api/v1/admin/centres')).json<{ centres: { centreId: string }[] }>().centres.map((c) => c.centreId)).toEqual([centre]);

    const other = (await get('street', statsUrl('other-centre'))).json<CentreDayStatistics>();
    expect(other.totals.counts).toEqual(counts(2, 2, 1, 0, 0, 0, 0));
    // Waits of 60 s and −1 s: a clock skew counts as no wait, never a negative one.
    expect(other.totals.waitingTime).toEqual({ count: 2, averageSeconds: 30, medianSeconds: 30, p90Seconds: 54, maxSeconds: 60 });

    const refused = await get('boss', statsUrl('other-centre'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ code: 'STATISTICS_CENTRE_FORBIDDEN', message: '您只能查看本中心的统计。' });
    expect((await get('other-boss', statsUrl(centre))).statusCode).toBe(403);
    expect((await get('boss', `/api/v1/admin/centres/other-centre/statistics.csv?date=${DAY}`)).statusCode).toBe(403);
  });

  it('refuses without a session, for window staff, a bad date and an unknown centre', async () => {
    expect((await get(null, statsUrl(centre))).json()).toMatchObject({ code: 'STAFF_SESSION_REQUIRED' });
    expect((await get(null, '/api/v1/admin/centres')).statusCode).toBe(401);
    const staff = await get('desk', statsUrl(centre));
    expect([staff.statusCode, staff.json().code]).toEqual([403, 'STAFF_ROLE_FORBIDDEN']);
    for (const query of ['?date=2026-02-30', '?date=yesterday', '?date=2026-3-1', `?date=${DAY}&centre=x`]) {
      const res = await get('street', statsUrl(centre, query));
      expect([query, res.statusCode, res.json().code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
    expect((await get('street', `/api/v1/admin/centres/${centre}/statistics.csv?date=2026-02-30`)).statusCode).toBe(400);
    const unknown = await get('street', statsUrl('no-such-centre'));
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'QUEUE_CENTRE_NOT_FOUND']);
    expect((await get('street', `/api/v1/admin/centres/no-such-centre/statistics.csv`)).statusCode).toBe(404);
  });

  it('exports the same numbers and one row per ticket as CSV for Excel, without holder data', async () => {
    const res = await get('boss', `/api/v1/admin/centres/${centre}/statistics.csv?date=${DAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="statistics-${centre}-${DAY}.csv"`);
    expect(res.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`日期,${DAY}`);
    expect(lines).toContain('合计,10,7,4,1,2,1,2,0,11.9,10,24,30,12,11,17.6,20');
    expect(lines).toContain('A,养老服务,5,4,3,1,1,0,0,0,9.3,7.5,17,20,9.3,10,11.6,12');
    expect(lines).toContain('C,综合,3,2,0,0,1,1,1,0,8,8,13.6,15,,,,');
    expect(lines).toContain('4,2,2,0,0,0,1,0,0,8,8,13.6,15,,,,');
    expect(lines).toContain('优先办占比,0.3');
    expect(lines).toContain('age80,80周岁以上老人,2,0.2');
    expect(lines).toContain('8,3');
    const ticketRows = lines.slice(lines.indexOf('每张号明细') + 2, -1);
    expect(ticketRows).toHaveLength(10);
    expect(ticketRows[0]).toBe(`C003,C,,${DAY} 07:59:30,,,,,,已取消`);
    expect(ticketRows).toContain(`A004,A,80周岁以上老人、残疾人,${DAY} 09:30:00,${DAY} 09:32:00,${DAY} 09:32:00,${DAY} 09:44:00,2,,已办结`);
    expect(ticketRows).toContain(`B002,B,,${DAY} 10:05:00,,,,,,等候中`);
    expect(ticketRows).toContain(`C001,C,,${DAY} 13:00:00,${DAY} 13:01:00,${DAY} 13:01:00,,,4,等候中`);
    // The person index and the kiosk are not statistics.
    expect(res.body).not.toMatch(/a1b2c3d4|kiosk-7/i);
  });

  it('documents the JSON and the CSV routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/admin/centres', '/api/v1/admin/centres/{centreId}/statistics', '/api/v1/admin/centres/{centreId}/statistics.csv']),
    );
  });

  it('writes the CSV headers in English when asked', async () => {
    const res = await get('street', `/api/v1/admin/centres/${centre}/statistics.csv?date=${DAY}&lang=en`);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(`Service centre,"Tianping Road Community Service Centre, Xuhui (demo)",${centre}`);
    expect(lines).toContain(`A004,A,Aged 80 or over; Person with a disability,${DAY} 09:30:00,${DAY} 09:32:00,${DAY} 09:32:00,${DAY} 09:44:00,2,,served`);
    const viaHeader = await get('street', `/api/v1/admin/centres/${centre}/statistics.csv?date=${DAY}`, { 'accept-language': 'en' });
    expect(viaHeader.body).toContain('Total,10,7');
  });
});
