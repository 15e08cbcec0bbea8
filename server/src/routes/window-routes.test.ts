import { shanghaiDate, type CounterView, type IssuedTicket, type StaffRole, type TicketHolderView, type WindowHelpRequests } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY, type DatabaseTarget } from '../testing/test-databases';
import { channelRequest, demoPerson, identify, postApplication, TestClock, TEST_INSTANT } from '../testing/test-kiosk';

const centreId = DEMO_CENTRE_ID;
const MINUTE = 60_000;
const PASSWORD = 'window-pass-2026';
const STAFF: readonly [string, StaffRole, string | null][] = [
  ['w1', 'staff', centreId],
  ['w2', 'staff', centreId],
  ['w4', 'staff', centreId],
  ['boss', 'supervisor', centreId],
  ['tech', 'technician', centreId],
  ['elsewhere', 'staff', 'another-centre'],
];

interface Harness {
  app: FastifyInstance;
  clock: TestClock;
  /** Session cookies by username. */
  cookies: Record<string, string>;
}

let serial = 0;
const DAY = 24 * 60 * MINUTE;

/** One server per database; each test gets a new Shanghai day (an empty hall at 10:00) and closed counters. */
async function harness(target: DatabaseTarget): Promise<Harness> {
  const clock = new TestClock(TEST_INSTANT);
  const app = await buildApp({
    database: await target.create(),
    dataKey: TEST_DATA_KEY,
    clock: clock.read,
    // The tests move the clock by days; sessions are not what they test.
    staff: { sessionLimits: { absoluteMs: 1000 * DAY, idleMs: 1000 * DAY } },
  });
  const cookies: Record<string, string> = {};
  for (const [username, role, centre] of STAFF) {
    await app.staffAccounts.add({ username, displayName: `窗口 ${username}`, role, centreId: centre, password: PASSWORD });
    const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } });
    const header = res.headers['set-cookie'];
    const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec((Array.isArray(header) ? header[0] : header) ?? '');
    cookies[username] = `${STAFF_COOKIE}=${match![1]}`;
  }
  return { app, clock, cookies };
}

async function take(h: Harness, category: string, identifyToken?: string): Promise<IssuedTicket> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/queue/tickets',
    payload: identifyToken === undefined ? { centreId, category } : { centreId, category, identifyToken },
    headers: { 'idempotency-key': `window-test-${serial++}` },
  });
  if (res.statusCode !== 201) throw new Error(`ticket failed: ${res.statusCode} ${res.body}`);
  return res.json<IssuedTicket>();
}

/** A ticket of a demo person 80 or over, identified at the kiosk first. */
async function takeAs(h: Harness, person: string, category = 'A'): Promise<IssuedTicket> {
  return take(h, category, (await identify(h.app, demoPerson(person).card)).identifyToken);
}

function act(h: Harness, user: string | null, counter: number, action: string, body?: object, centre = centreId): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/window/centres/${centre}/counters/${counter}/${action}`,
    headers: user === null ? {} : { cookie: h.cookies[user]! },
    ...(body === undefined ? {} : { payload: body }),
  });
}

async function ok(h: Harness, user: string, counter: number, action: string, body?: object): Promise<CounterView> {
  const res = await act(h, user, counter, action, body);
  if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  return res.json<CounterView>();
}

async function refused(h: Harness, user: string | null, counter: number, action: string, body?: object, centre?: string): Promise<[number, string]> {
  const res = await act(h, user, counter, action, body, centre);
  return [res.statusCode, res.json<{ code: string }>().code];
}

/** Today's events of the demo centre, in order. */
async function events(h: Harness): Promise<Record<string, unknown>[]> {
  const rows = await h.app.db.query<{ type: string; payload: Record<string, unknown> }>(
    'SELECT type, payload FROM queue_events WHERE centre_id = $1 AND day = $2::date ORDER BY id',
    [centreId, shanghaiDate(h.clock.now)],
  );
  return rows.map((r) => ({ type: r.type, ...r.payload }));
}

const waitingA = (n: number) => [
  { category: 'A', waiting: n },
  { category: 'B', waiting: 0 },
  { category: 'C', waiting: 0 },
];

describeOnEachDatabase('window terminal (/api/v1/window)', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(target);
  });
  afterAll(() => h?.app.close());
  beforeEach(async () => {
    h.clock.advance(DAY);
    // Tests end with counters in any state; the next one starts with all of them closed.
    await h.app.db.query("UPDATE tickets SET status = 'done' WHERE status = 'called'");
    await h.app.db.query("UPDATE counters SET state = 'closed', open = false, staff_username = NULL, consecutive_priority_calls = 0");
  });

  it('calls an 82-year-old who took a ticket after three normal tickets first (N = 2), and logs every step as an event with waiting counts', async () => {
    for (let i = 0; i < 3; i++) await take(h, 'A');
    const old = await takeAs(h, 'zhang-guihua');
    expect(old).toMatchObject({ ticketNo: 'A004', priority: ['age80'] });

    const opened = await ok(h, 'w1', 1, 'open');
    expect(opened).toMatchObject({ state: 'open', staffUsername: 'w1', current: null, next: { ticketNo: 'A004', reason: { code: 'priority', priorityClass: 'age80' } } });
    expect(opened.waiting.map((t) => t.ticketNo)).toEqual(['A001', 'A002', 'A003', 'A004']);

    const called = await ok(h, 'w1', 1, 'call-next');
    expect(called.current).toMatchObject({ ticketNo: 'A004', callCount: 1, reason: { code: 'priority', priorityClass: 'age80' }, hasHolder: true, priority: ['age80'] });
    expect(called.consecutivePriorityCalls).toBe(1);
    expect(called.next).toEqual({ ticketNo: 'A001', reason: { code: 'first-come' } });
    await ok(h, 'w1', 1, 'finish');
    expect((await ok(h, 'w1', 1, 'call-next')).current).toMatchObject({ ticketNo: 'A001', reason: { code: 'first-come' } });

    // The public status of the called ticket says where to go.
    const status = await h.app.inject({ method: 'GET', url: old.followPath });
    expect(status.json()).toMatchObject({ status: 'done', counterNumber: 1 });

    expect(await events(h)).toEqual([
      { type: 'ticket.issued', ticketNo: 'A001', category: 'A', waiting: waitingA(1) },
      { type: 'ticket.issued', ticketNo: 'A002', category: 'A', waiting: waitingA(2) },
      { type: 'ticket.issued', ticketNo: 'A003', category: 'A', waiting: waitingA(3) },
      { type: 'ticket.issued', ticketNo: 'A004', category: 'A', waiting: waitingA(4) },
      { type: 'counter.changed', counterNumber: 1, state: 'open' },
      { type: 'ticket.called', ticketNo: 'A004', category: 'A', counterNumber: 1, callCount: 1, waiting: waitingA(3) },
      { type: 'ticket.finished', ticketNo: 'A004', counterNumber: 1 },
      { type: 'ticket.called', ticketNo: 'A001', category: 'A', counterNumber: 1, callCount: 1, waiting: waitingA(2) },
    ]);
    const [row] = await h.app.db.query<{ status: string; called_at: Date; finished_at: Date; called_by: string; counter_number: number }>(
      "SELECT status, called_at, finished_at, called_by, counter_number FROM tickets WHERE ticket_no = 'A004' AND day = $1::date",
      [shanghaiDate(h.clock.now)],
    );
    expect(row).toMatchObject({ status: 'done', called_by: 'w1', counter_number: 1 });
    expect(row!.called_at.toISOString()).toBe(h.clock.now.toISOString());
  });

  it('interleaves N = 2 priority calls per normal call, the run kept per counter in the database', async () => {
    await take(h, 'A');
    await take(h, 'A');
    for (const person of ['zhang-guihua', 'zhao-defa', 'gao-shulan', 'wu-meiling']) await takeAs(h, person);
    await ok(h, 'w1', 1, 'open');
    const calls: string[] = [];
    for (let i = 0; i < 6; i++) {
      const view = await ok(h, 'w1', 1, 'call-next');
      calls.push(`${view.current!.ticketNo}:${view.current!.reason.code}`);
      await ok(h, 'w1', 1, 'finish');
    }
    expect(calls).toEqual([
      'A003:priority',
      'A004:priority',
      'A001:interleave-normal-turn',
      'A005:priority',
      'A006:priority',
      'A002:first-come',
    ]);
    const [counter] = await h.app.db.query<{ consecutive_priority_calls: number }>('SELECT consecutive_priority_calls FROM counters WHERE centre_id = $1 AND number = 1', [centreId]);
    expect(counter?.consecutive_priority_calls).toBe(0);
    expect((await refused(h, 'w1', 1, 'call-next'))).toEqual([409, 'QUEUE_EMPTY']);
  });

  it('calls an overdue normal ticket before a later priority ticket, but not before an earlier one (decision 0010)', async () => {
    await takeAs(h, 'zhang-guihua'); // A001, priority, first in the hall
    await take(h, 'A'); // A002, normal
    h.clock.advance(31 * MINUTE);
    await takeAs(h, 'zhao-defa'); // A003, priority, after A002 became overdue
    await ok(h, 'w1', 1, 'open');
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const view = await ok(h, 'w1', 1, 'call-next');
      order.push(`${view.current!.ticketNo}:${view.current!.reason.code}`);
      await ok(h, 'w1', 1, 'finish');
    }
    expect(order).toEqual(['A001:priority', 'A002:normal-waited-too-long', 'A003:priority']);
  });

  it('recalls with a growing call count, marks a no-show, and keeps a paused counter from calling', async () => {
    await take(h, 'A');
    await take(h, 'A');
    await ok(h, 'w1', 1, 'open');
    await ok(h, 'w1', 1, 'call-next');
    h.clock.advance(MINUTE);
    await ok(h, 'w1', 1, 'recall');
    expect((await ok(h, 'w1', 1, 'recall')).current).toMatchObject({ ticketNo: 'A001', callCount: 3 });
    await ok(h, 'w1', 1, 'no-show');
    const [row] = await h.app.db.query<{ status: string; call_count: number; finished_at: Date }>(
      "SELECT status, call_count, finished_at FROM tickets WHERE ticket_no = 'A001' AND day = $1::date",
      [shanghaiDate(h.clock.now)],
    );
    expect(row).toMatchObject({ status: 'no-show', call_count: 3 });
    expect(row!.finished_at.toISOString()).toBe(h.clock.now.toISOString());

    expect((await ok(h, 'w1', 1, 'pause')).state).toBe('paused');
    expect(await refused(h, 'w1', 1, 'call-next')).toEqual([409, 'COUNTER_NOT_OPEN']);
    expect(await refused(h, 'w1', 1, 'recall')).toEqual([409, 'COUNTER_NOT_OPEN']);
    expect((await ok(h, 'w1', 1, 'resume')).state).toBe('open');
    expect((await ok(h, 'w1', 1, 'call-next')).current?.ticketNo).toBe('A002');
    expect(await refused(h, 'w1', 1, 'call-next')).toEqual([409, 'CURRENT_TICKET_OPEN']);
    expect(await refused(h, 'w1', 1, 'close')).toEqual([409, 'CURRENT_TICKET_OPEN']);
    await ok(h, 'w1', 1, 'finish');
    expect((await ok(h, 'w1', 1, 'close'))).toMatchObject({ state: 'closed', staffUsername: null });

    const calling = (await events(h)).filter((e) => e.type !== 'ticket.issued').map((e) => [e.type, e.ticketNo ?? e.state, e.callCount].filter((x) => x !== undefined).join(' '));
    expect(calling).toEqual([
      'counter.changed open',
      'ticket.called A001 1',
      'ticket.called A001 2',
      'ticket.called A001 3',
      'ticket.noShow A001',
      'counter.changed paused',
      'counter.changed open',
      'ticket.called A002 1',
      'ticket.finished A002',
      'counter.changed closed',
    ]);
  });

  it('transfers to a category (same number, same place in line) and to a counter by name (called there first)', async () => {
    await take(h, 'A'); // A001
    const b1 = await take(h, 'B'); // B001, after A001
    await take(h, 'A'); // A002
    await ok(h, 'w1', 1, 'open');
    await ok(h, 'w2', 3, 'open'); // counter 3 serves B

    await ok(h, 'w1', 1, 'call-next'); // A001
    const moved = await ok(h, 'w1', 1, 'transfer', { toCategory: 'B' });
    expect(moved.current).toBeNull();
    // A001 came before B001: it is first in line B, under its own number.
    const atB = await ok(h, 'w2', 3, 'call-next');
    expect(atB.current).toMatchObject({ ticketNo: 'A001', category: 'B', callCount: 1, reason: { code: 'first-come' } });
    await ok(h, 'w2', 3, 'finish');
    expect((await ok(h, 'w2', 3, 'call-next')).current?.ticketNo).toBe(b1.ticketNo);
    await ok(h, 'w2', 3, 'finish');

    // A second A001 in line B is impossible, and B002 is still free to be issued.
    expect((await take(h, 'B')).ticketNo).toBe('B002');

    // To counter 4 by name: it goes before counter 4's own line (B002 waits there too).
    await ok(h, 'w4', 4, 'open');
    await ok(h, 'w1', 1, 'call-next'); // A002
    const view = await ok(h, 'w1', 1, 'transfer', { toCounter: 4 });
    expect(view.waiting.map((t) => t.ticketNo)).toEqual([]);
    const four = await h.app.inject({ method: 'GET', url: `/api/v1/window/centres/${centreId}/counters/4`, headers: { cookie: h.cookies['w4']! } });
    expect(four.json<CounterView>().waiting).toEqual([
      expect.objectContaining({ ticketNo: 'A002', targetCounter: 4 }),
      expect.objectContaining({ ticketNo: 'B002', targetCounter: null }),
    ]);
    expect((await ok(h, 'w4', 4, 'call-next')).current).toMatchObject({ ticketNo: 'A002', reason: { code: 'transferred-to-counter', fromCounter: 1 } });

    const transfers = (await events(h)).filter((e) => e.type === 'ticket.transferred');
    expect(transfers).toEqual([
      { type: 'ticket.transferred', ticketNo: 'A001', fromCounter: 1, toCategory: 'B', toCounter: null, waiting: [{ category: 'A', waiting: 1 }, { category: 'B', waiting: 2 }, { category: 'C', waiting: 0 }] },
      { type: 'ticket.transferred', ticketNo: 'A002', fromCounter: 1, toCategory: 'A', toCounter: 4, waiting: [{ category: 'A', waiting: 1 }, { category: 'B', waiting: 1 }, { category: 'C', waiting: 0 }] },
    ]);
  });

  it('refuses transfers without exactly one target, to itself, to a closed counter or an unknown category', async () => {
    await take(h, 'A');
    await ok(h, 'w1', 1, 'open');
    expect(await refused(h, 'w1', 1, 'transfer', { toCategory: 'B' })).toEqual([409, 'NO_CURRENT_TICKET']);
    await ok(h, 'w1', 1, 'call-next');
    expect(await refused(h, 'w1', 1, 'transfer', {})).toEqual([400, 'TRANSFER_TARGET_REQUIRED']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCategory: 'B', toCounter: 2 })).toEqual([400, 'TRANSFER_TARGET_REQUIRED']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCounter: 1 })).toEqual([400, 'TRANSFER_TO_SAME_COUNTER']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCounter: 2 })).toEqual([409, 'TRANSFER_TARGET_CLOSED']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCounter: 9 })).toEqual([404, 'COUNTER_NOT_FOUND']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCategory: 'Z' })).toEqual([404, 'QUEUE_CATEGORY_NOT_FOUND']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCategory: 'b' })).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refused(h, 'w1', 1, 'transfer', { toCategory: 'B', note: 'x' })).toEqual([400, 'VALIDATION_FAILED']);
    expect((await ok(h, 'w1', 1, 'finish')).current).toBeNull();
  });

  it('answers 401 without a session, 403 for another role or centre, 404 for an unknown counter, 409 on a colleague’s counter', async () => {
    expect(await refused(h, null, 1, 'open')).toEqual([401, 'STAFF_SESSION_REQUIRED']);
    expect(await refused(h, 'tech', 1, 'open')).toEqual([403, 'STAFF_ROLE_FORBIDDEN']);
    expect(await refused(h, 'elsewhere', 1, 'open')).toEqual([403, 'STAFF_CENTRE_FORBIDDEN']);
    expect(await refused(h, 'w1', 1, 'open', undefined, 'another-centre')).toEqual([403, 'STAFF_CENTRE_FORBIDDEN']);
    expect(await refused(h, 'w1', 7, 'open')).toEqual([404, 'COUNTER_NOT_FOUND']);
    expect(await refused(h, 'w1', 0, 'open')).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refused(h, 'w1', 1, 'call-next')).toEqual([409, 'COUNTER_NOT_OPEN']);
    expect(await refused(h, 'w1', 1, 'finish')).toEqual([409, 'NO_CURRENT_TICKET']);

    await ok(h, 'w1', 1, 'open');
    expect((await ok(h, 'w1', 1, 'open')).staffUsername).toBe('w1');
    expect(await refused(h, 'w2', 1, 'open')).toEqual([409, 'COUNTER_HELD_BY_OTHER']);
    expect(await refused(h, 'w2', 1, 'call-next')).toEqual([409, 'COUNTER_HELD_BY_OTHER']);
    expect(await refused(h, 'w2', 1, 'close')).toEqual([409, 'COUNTER_HELD_BY_OTHER']);
    expect(await refused(h, 'boss', 1, 'open')).toEqual([409, 'COUNTER_HELD_BY_OTHER']);
    // A supervisor may close a counter a colleague left open.
    expect((await ok(h, 'boss', 1, 'close')).state).toBe('closed');
    expect((await ok(h, 'w2', 1, 'open')).staffUsername).toBe('w2');
    expect(await refused(h, 'w1', 1, 'call-next')).toEqual([409, 'COUNTER_HELD_BY_OTHER']);
  });

  it('never gives one ticket to two counters calling at the same moment', async () => {
    await ok(h, 'w1', 1, 'open');
    await ok(h, 'w2', 2, 'open');
    await ok(h, 'w4', 4, 'open');
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 3; i++) await take(h, 'A');
      const views = await Promise.all([ok(h, 'w1', 1, 'call-next'), ok(h, 'w2', 2, 'call-next'), ok(h, 'w4', 4, 'call-next')]);
      const called = views.map((v) => v.current!.ticketNo);
      expect(new Set(called).size).toBe(3);
      await Promise.all([ok(h, 'w1', 1, 'finish'), ok(h, 'w2', 2, 'finish'), ok(h, 'w4', 4, 'finish')]);
    }
    const calls = (await events(h)).filter((e) => e.type === 'ticket.called');
    expect(new Set(calls.map((e) => e.ticketNo)).size).toBe(15);
    // Events of one centre carry the waiting count of their own moment: each call leaves one fewer.
    const waits = calls.map((e) => (e.waiting as { category: string; waiting: number }[])[0]!.waiting);
    expect(waits).toEqual([2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0]);
  });

  it('shows the holder of the ticket being served, masked, with today’s kiosk applications, and audits each read', async () => {
    const zhang = demoPerson('zhang-guihua');
    const application = await postApplication(h.app, channelRequest((await identify(h.app, zhang.card)).identifyToken, 'social-security-card'), 'holder-app');
    expect(application.statusCode).toBe(201);
    const normal = await take(h, 'A');
    await takeAs(h, 'zhang-guihua');
    await ok(h, 'w1', 1, 'open');
    const current = (await ok(h, 'w1', 1, 'call-next')).current!;
    const holder = (ticketId: string, user = 'w1') =>
      h.app.inject({ method: 'GET', url: `/api/v1/window/tickets/${ticketId}/holder`, headers: { cookie: h.cookies[user]! }, remoteAddress: '10.0.0.9' });

    const res = await holder(current.ticketId);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const view = res.json<TicketHolderView>();
    expect(view).toMatchObject({ maskedName: '张**', age: 82, priority: ['age80'] });
    expect(view.maskedIdNumber).not.toBe(zhang.card.idNumber);
    expect(view.maskedIdNumber.slice(-4)).toBe(zhang.card.idNumber.slice(-4));
    expect(view.applicationsToday).toEqual([
      expect.objectContaining({ applicationNo: application.json<{ applicationNo: string }>().applicationNo, services: [expect.objectContaining({ serviceKey: 'allowance-channel' })] }),
    ]);
    expect(res.body).not.toContain(zhang.card.idNumber);
    expect(res.body).not.toContain(zhang.name);

    const audit = await h.app.db.query<{ event: string; username: string; ticket_id: string; reason: string; ip: string }>(
      "SELECT event, username, ticket_id::text AS ticket_id, reason, ip FROM staff_audit WHERE event = 'holder_read'",
    );
    expect(audit).toEqual([{ event: 'holder_read', username: 'w1', ticket_id: current.ticketId, reason: 'window-call', ip: '10.0.0.9' }]);

    const waitingTicket = await h.app.db.query<{ id: string }>('SELECT id::text AS id FROM tickets WHERE ticket_no = $1 AND day = $2::date', [
      normal.ticketNo,
      shanghaiDate(h.clock.now),
    ]);
    expect((await holder(waitingTicket[0]!.id)).json().code).toBe('TICKET_NOT_CALLED');
    expect((await holder(current.ticketId, 'elsewhere')).statusCode).toBe(403);
    expect((await holder('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await holder('not-a-uuid')).statusCode).toBe(400);
    await ok(h, 'w1', 1, 'finish');
    expect((await ok(h, 'w1', 1, 'call-next')).current).toMatchObject({ ticketNo: normal.ticketNo, hasHolder: false });
    const unknown = await holder(waitingTicket[0]!.id);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'TICKET_HOLDER_UNKNOWN']);
    // Refused reads leave no audit row: only the one read that showed data.
    expect(await h.app.db.query("SELECT 1 FROM staff_audit WHERE event = 'holder_read'")).toHaveLength(1);
  });

  it('lists the open help requests of the centre’s kiosks and those without a centre (help-request-routes.test.ts closes them), and documents /window in OpenAPI', async () => {
    await h.app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-window-test', serviceKey: null } });
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/window/centres/${centreId}/help-requests`, headers: { cookie: h.cookies['w1']! } });
    expect(res.statusCode).toBe(200);
    const listed = res.json<WindowHelpRequests>();
    expect(listed.centreScoped).toBe(true);
    expect(listed.requests).toContainEqual(expect.objectContaining({ kioskId: 'kiosk-window-test', reason: 'assistance', centreId: null }));
    const other = await h.app.inject({ method: 'GET', url: `/api/v1/window/centres/another-centre/help-requests`, headers: { cookie: h.cookies['w1']! } });
    expect(other.statusCode).toBe(403);

    const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> }>();
    const callNext = doc.paths['/api/v1/window/centres/{centreId}/counters/{number}/call-next']?.['post'];
    expect(callNext?.tags).toEqual(['window']);
    expect(Object.keys(callNext?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409']));
  });
});
