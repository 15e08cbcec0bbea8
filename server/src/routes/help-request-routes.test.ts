import type { HelpRequest, WindowHelpRequests } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { TestClock, TEST_INSTANT } from '../testing/test-kiosk';

const centreId = DEMO_CENTRE_ID;
const OTHER_CENTRE = 'other-centre';
const PASSWORD = 'help-pass-2026';

describe('POST/GET /api/v1/help-requests (呼叫工作人员)', () => {
  let app: FastifyInstance;
  let now = new Date('2026-11-30T02:00:00Z');
  beforeAll(async () => {
    app = await buildApp({ database: { kind: 'pglite' }, clock: () => now, seedDemoRegistry: false });
  });
  afterAll(() => app.close());

  it('records a call for staff once per kiosk while it is open, and lists the open ones', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-1', serviceKey: 'senior-card' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kioskId: 'kiosk-1', serviceKey: 'senior-card', requestedAt: '2026-11-30T02:00:00.000Z', centreId: null, resolvedAt: null });
    now = new Date('2026-11-30T02:00:05Z');
    const again = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-1', serviceKey: null } });
    expect(again.json().id).toBe(first.json().id);
    await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-2', serviceKey: null } });
    const open = await app.inject({ method: 'GET', url: '/api/v1/help-requests' });
    expect(open.json().map((r: { kioskId: string }) => r.kioskId)).toEqual(['kiosk-1', 'kiosk-2']);
    expect(open.json()[0]).toMatchObject({ reason: 'assistance', detail: null });
  });

  it('keeps a printer fault apart from a person\'s call, with its code', async () => {
    const call = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-3', serviceKey: null } });
    const fault = { kioskId: 'kiosk-3', serviceKey: 'senior-card', reason: 'printer-fault', detail: 'PRINTER_PAPER_OUT' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: fault });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject(fault);
    expect(first.json().id).not.toBe(call.json().id);
    const again = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: fault });
    expect(again.json().id).toBe(first.json().id);
  });

  it.each([{}, { kioskId: '' }, { kioskId: 'a b', serviceKey: null }, { kioskId: 'k', serviceKey: 'x', extra: 1 }, { kioskId: 'k'.repeat(65), serviceKey: null },
    { kioskId: 'k', serviceKey: null, reason: 'other' }, { kioskId: 'k', serviceKey: null, reason: 'printer-fault', detail: '张三' },
    { kioskId: 'k', serviceKey: null, centreId: 'no spaces' }, { kioskId: 'k', serviceKey: null, centreId: null }])(
    'refuses %j with 400',
    async (payload) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    },
  );
});

describeOnEachDatabase('help requests as a loop the window closes', (target) => {
  let app: FastifyInstance;
  let clock: TestClock;
  const cookies: Record<string, string> = {};
  let serial = 0;

  beforeAll(async () => {
    clock = new TestClock(TEST_INSTANT);
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
    // A second centre, so that scoping has something to keep apart.
    await app.db.query(
      'INSERT INTO centres (id, name_zh, name_en, queue_rules, created_at) SELECT $2, name_zh, name_en, queue_rules, created_at FROM centres WHERE id = $1',
      [centreId, OTHER_CENTRE],
    );
    for (const [username, role, centre] of [
      ['w1', 'staff', centreId],
      ['boss', 'supervisor', centreId],
      ['tech', 'technician', centreId],
      ['there', 'staff', OTHER_CENTRE],
      // A staff account whose centre has no queue set up (no event stream to tell).
      ['bare', 'staff', 'bare-centre'],
    ] as const) {
      await app.staffAccounts.add({ username, displayName: username, role, centreId: centre, password: PASSWORD });
      const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } });
      const header = res.headers['set-cookie'];
      cookies[username] = new RegExp(`^(${STAFF_COOKIE}=[^;]*)`).exec((Array.isArray(header) ? header[0] : header) ?? '')![1]!;
    }
  });
  afterAll(() => app?.close());

  /** A kiosk of its own per call site, so tests never meet each other's open requests. */
  const kiosk = () => `kiosk-h${serial++}`;
  async function ask(body: Record<string, unknown>): Promise<HelpRequest> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { serviceKey: null, ...body } });
    if (res.statusCode !== 201) throw new Error(`help request failed: ${res.statusCode} ${res.body}`);
    return res.json<HelpRequest>();
  }
  const resolve = (user: string | null, id: number | string) =>
    app.inject({ method: 'POST', url: `/api/v1/window/help-requests/${id}/resolve`, headers: user === null ? {} : { cookie: cookies[user]! } });
  const listed = async (user: string, centre = centreId) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/window/centres/${centre}/help-requests`, headers: { cookie: cookies[user]! } });
    expect(res.statusCode).toBe(200);
    return res.json<WindowHelpRequests>();
  };
  const helpEvents = async (centre: string, kioskId: string) =>
    (
      await app.db.query<{ type: string; payload: Record<string, unknown> }>(
        "SELECT type, payload FROM queue_events WHERE centre_id = $1 AND type LIKE 'help.%' AND payload->>'kioskId' = $2 ORDER BY id",
        [centre, kioskId],
      )
    ).map((r): Record<string, unknown> => ({ type: r.type, ...r.payload }));

  it('a kiosk that names its centre is told apart; a new request appends help.requested once, a repeat none', async () => {
    const k = kiosk();
    const fault = { kioskId: k, reason: 'printer-fault', detail: 'TICKET_PRINTER_PAPER_OUT', centreId };
    const first = await ask(fault);
    expect(first).toMatchObject({ kioskId: k, centreId, reason: 'printer-fault', resolvedAt: null, resolvedBy: null });
    expect((await ask(fault)).id).toBe(first.id);
    expect(await helpEvents(centreId, k)).toEqual([
      { type: 'help.requested', requestId: first.id, kioskId: k, reason: 'printer-fault', detail: 'TICKET_PRINTER_PAPER_OUT' },
    ]);
  });

  it('the window lists its centre’s requests and those without a centre, not another centre’s', async () => {
    const [mine, there, nowhere, unknown] = [kiosk(), kiosk(), kiosk(), kiosk()];
    await ask({ kioskId: mine, centreId });
    clock.advance(1000);
    await ask({ kioskId: there, centreId: OTHER_CENTRE });
    clock.advance(1000);
    await ask({ kioskId: nowhere });
    clock.advance(1000);
    // A mistyped ?centre= keeps the call, visible to every centre, and appends no event.
    expect((await ask({ kioskId: unknown, centreId: 'no-such-centre' })).centreId).toBeNull();
    expect(await helpEvents('no-such-centre', unknown)).toEqual([]);
    expect(await helpEvents(OTHER_CENTRE, there)).toHaveLength(1);

    const here = await listed('w1');
    expect(here.centreScoped).toBe(true);
    const kiosks = here.requests.map((r) => r.kioskId);
    expect(kiosks).toEqual(expect.arrayContaining([mine, nowhere, unknown]));
    expect(kiosks).not.toContain(there);
    expect(kiosks.indexOf(mine)).toBeLessThan(kiosks.indexOf(nowhere));
    expect(here.requests.find((r) => r.kioskId === nowhere)?.centreId).toBeNull();
    const away = (await listed('there', OTHER_CENTRE)).requests.map((r) => r.kioskId);
    expect(away).toEqual(expect.arrayContaining([there, nowhere]));
    expect(away).not.toContain(mine);
  });

  it('已处理 closes a request for every window (help.resolved), and the kiosk’s next call is a new request', async () => {
    const k = kiosk();
    const first = await ask({ kioskId: k, centreId });
    clock.advance(90_000);
    const res = await resolve('w1', first.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first.id, resolvedBy: 'w1', resolvedAt: new Date(clock.now).toISOString() });
    expect((await listed('w1')).requests.map((r) => r.id)).not.toContain(first.id);
    expect((await listed('boss')).requests.map((r) => r.id)).not.toContain(first.id);

    const again = await resolve('boss', first.id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'HELP_REQUEST_ALREADY_RESOLVED']);
    const second = await ask({ kioskId: k, centreId });
    expect(second.id).not.toBe(first.id);
    expect((await listed('w1')).requests.map((r) => r.id)).toContain(second.id);
    expect((await helpEvents(centreId, k)).map((e) => [e['type'], e['requestId']])).toEqual([
      ['help.requested', first.id],
      ['help.resolved', first.id],
      ['help.requested', second.id],
    ]);
    // A supervisor of the centre closes it too.
    expect((await resolve('boss', second.id)).json()).toMatchObject({ resolvedBy: 'boss' });
  });

  it('a request without a centre is closed by any centre’s staff, the event going to theirs', async () => {
    const k = kiosk();
    const request = await ask({ kioskId: k });
    expect(await helpEvents(OTHER_CENTRE, k)).toEqual([]);
    expect((await resolve('there', request.id)).json()).toMatchObject({ resolvedBy: 'there', centreId: null });
    expect(await helpEvents(OTHER_CENTRE, k)).toEqual([{ type: 'help.resolved', requestId: request.id, kioskId: k, reason: 'assistance', detail: null }]);
    const other = await ask({ kioskId: kiosk() });
    expect((await resolve('bare', other.id)).json()).toMatchObject({ resolvedBy: 'bare' });
  });

  it('refuses: another centre’s request 403 (resolved or not), unknown 404, no session 401, a technician 403, a bad id 400', async () => {
    const theirs = await ask({ kioskId: kiosk(), centreId: OTHER_CENTRE });
    const refused = async (user: string | null, id: number | string) => {
      const res = await resolve(user, id);
      return [res.statusCode, res.json<{ code: string }>().code];
    };
    expect(await refused('w1', theirs.id)).toEqual([403, 'STAFF_CENTRE_FORBIDDEN']);
    expect(await refused(null, theirs.id)).toEqual([401, 'STAFF_SESSION_REQUIRED']);
    expect(await refused('tech', theirs.id)).toEqual([403, 'STAFF_ROLE_FORBIDDEN']);
    expect(await refused('w1', 999_999)).toEqual([404, 'HELP_REQUEST_NOT_FOUND']);
    for (const bad of ['0', 'abc', '99999999999']) expect(await refused('w1', bad)).toEqual([400, 'VALIDATION_FAILED']);
    expect((await resolve('there', theirs.id)).statusCode).toBe(200);
    expect(await refused('w1', theirs.id)).toEqual([403, 'STAFF_CENTRE_FORBIDDEN']);
    // The people-facing message comes from the catalogue, not the fallback.
    expect((await resolve('there', theirs.id)).json().message).toBe('这条求助已由其他工作人员处理。');
  });

  it('documents the resolve route in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> }>();
    const op = doc.paths['/api/v1/window/help-requests/{id}/resolve']?.['post'];
    expect(op?.tags).toEqual(['window']);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
  });
});
