import { parseScanPayload, type CentreView, type IssuedTicket, type TicketStatusView } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { demoPerson, identify, strangerCard, TestClock, TEST_INSTANT } from '../testing/test-kiosk';

let serial = 0;
function take(app: FastifyInstance, body: object, key: string | null = `queue-test-${serial++}`): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: body, headers: key === null ? {} : { 'idempotency-key': key } });
}

async function ticket(app: FastifyInstance, body: object, key?: string): Promise<IssuedTicket> {
  const res = await take(app, body, key);
  if (res.statusCode !== 201) throw new Error(`ticket failed: ${res.statusCode} ${res.body}`);
  return res.json<IssuedTicket>();
}

const centreId = DEMO_CENTRE_ID;

describeOnEachDatabase('queue tickets: POST /queue/tickets, GET ticket status and centre', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  it('issues A001, A002 … per category, with a QR and a public status that leads back to the ticket', async () => {
    const first = await ticket(app, { centreId, category: 'A' });
    const second = await ticket(app, { centreId, category: 'A' });
    const otherCategory = await ticket(app, { centreId, category: 'B' });
    expect([first.ticketNo, second.ticketNo, otherCategory.ticketNo]).toEqual(['A001', 'A002', 'B001']);
    expect(first).toMatchObject({
      centreId,
      date: '2026-03-10',
      category: { code: 'A', name: { zh: '养老服务', en: 'Elderly-care services' } },
      priority: [],
      peopleAhead: 0,
      // No counter is open yet: no honest estimate.
      estimatedWaitMinutes: null,
      issuedAt: TEST_INSTANT.toISOString(),
      qr: `ELQ1:${centreId}:20260310:A001`,
      followPath: `/api/v1/queue/tickets/${centreId}/2026-03-10/A001`,
    });
    expect(parseScanPayload(first.qr)).toEqual({ kind: 'queue-ticket', centreId, date: '2026-03-10', ticketNo: 'A001' });
    expect(second.peopleAhead).toBe(1);

    const status = await app.inject({ method: 'GET', url: second.followPath });
    expect(status.statusCode).toBe(200);
    expect(status.json<TicketStatusView>()).toEqual({
      centreId,
      date: '2026-03-10',
      ticketNo: 'A002',
      category: { code: 'A', name: { zh: '养老服务', en: 'Elderly-care services' } },
      status: 'waiting',
      peopleAhead: 1,
      estimatedWaitMinutes: null,
      issuedAt: TEST_INSTANT.toISOString(),
      calledAt: null,
      counterNumber: null,
    });
  });

  it('estimates the wait from the open counters serving the category', async () => {
    await app.db.query('UPDATE counters SET open = true WHERE centre_id = $1 AND number IN (3, 4)', [centreId]);
    try {
      // B001 waits; counters 3 and 4 serve B; the default average is 8 minutes.
      const b = await ticket(app, { centreId, category: 'B' });
      expect(b).toMatchObject({ ticketNo: 'B002', peopleAhead: 1, estimatedWaitMinutes: 4 });
    } finally {
      await app.db.query('UPDATE counters SET open = false WHERE centre_id = $1', [centreId]);
    }
  });

  it('detects 优先办 from the identify token: 80+ from the birth date, veteran and disability from the registry', async () => {
    const old = await identify(app, demoPerson('zhang-guihua').card);
    const young = await identify(app, demoPerson('chen-zhiqiang').card);
    const stranger = await identify(app, strangerCard({ birthDate: '1940-01-02', sequence: 1 }));
    const normals = [await ticket(app, { centreId, category: 'C' }), await ticket(app, { centreId, category: 'C' }), await ticket(app, { centreId, category: 'C' })];
    expect(normals.map((t) => t.ticketNo)).toEqual(['C001', 'C002', 'C003']);

    const priority = await ticket(app, { centreId, category: 'C', identifyToken: old.identifyToken });
    expect(priority).toMatchObject({ ticketNo: 'C004', priority: ['age80'] });
    // Nobody has been called yet, so the interleave lets the priority ticket go first.
    expect(priority.peopleAhead).toBe(0);
    const normalAfter = await ticket(app, { centreId, category: 'C', identifyToken: young.identifyToken });
    // 65 is not 80: a normal ticket, behind the three normal ones and the priority one.
    expect([normalAfter.priority, normalAfter.peopleAhead]).toEqual([[], 4]);
    // Known from the card only: the birth date still counts.
    expect((await ticket(app, { centreId, category: 'C', identifyToken: stranger.identifyToken })).priority).toEqual(['age80']);

    await app.db.query(
      "UPDATE residents SET veteran = true, has_disability = true WHERE demo_key = 'chen-zhiqiang'",
    );
    const flagged = await identify(app, demoPerson('chen-zhiqiang').card);
    expect((await ticket(app, { centreId, category: 'C', identifyToken: flagged.identifyToken })).priority).toEqual(['veteran', 'disability']);

    // The holder is kept as a blind index only; the priority is not public.
    const [row] = await app.db.query<{ person_index: Buffer | null; row_text: string }>(
      'SELECT person_index, t::text AS row_text FROM tickets t WHERE ticket_no = $1 AND day = $2::date',
      [priority.ticketNo, '2026-03-10'],
    );
    expect(row?.person_index).toEqual(app.protector.idNumberIndex(demoPerson('zhang-guihua').card.idNumber));
    expect(row?.row_text).not.toContain(demoPerson('zhang-guihua').card.idNumber);
    const status = await app.inject({ method: 'GET', url: priority.followPath });
    expect(status.json()).not.toHaveProperty('priority');
    expect(status.body).not.toContain(demoPerson('zhang-guihua').card.idNumber);
  });

  it('gives a retried request (same Idempotency-Key) the same ticket, and refuses the key with another body', async () => {
    const body = { centreId, category: 'A', kioskId: 'kiosk-7' };
    const first = await take(app, body, 'retry-me');
    const again = await take(app, body, 'retry-me');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<IssuedTicket>().ticketNo).toBe(first.json<IssuedTicket>().ticketNo);
    const next = await ticket(app, body);
    expect(Number(next.ticketNo.slice(1))).toBe(Number(first.json<IssuedTicket>().ticketNo.slice(1)) + 1);
    const other = await take(app, { centreId, category: 'B' }, 'retry-me');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['no Idempotency-Key', { centreId, category: 'A' }, null, 400, 'IDEMPOTENCY_KEY_REQUIRED'],
    ['an unknown centre', { centreId: 'nowhere', category: 'A' }, 'k1', 404, 'QUEUE_CENTRE_NOT_FOUND'],
    ['an unknown category', { centreId, category: 'Z' }, 'k2', 404, 'QUEUE_CATEGORY_NOT_FOUND'],
    ['a lower-case category', { centreId, category: 'a' }, 'k3', 400, 'VALIDATION_FAILED'],
    ['a centre id with a colon', { centreId: 'a:b', category: 'A' }, 'k4', 400, 'VALIDATION_FAILED'],
    ['an extra field', { centreId, category: 'A', idNumber: '310105195901010021' }, 'k5', 400, 'VALIDATION_FAILED'],
    ['an empty token', { centreId, category: 'A', identifyToken: '' }, 'k6', 400, 'VALIDATION_FAILED'],
    ['an unknown token', { centreId, category: 'A', identifyToken: 'nope' }, 'k7', 401, 'IDENTIFY_TOKEN_INVALID'],
  ])('refuses %s', async (_label, body, key, status, code) => {
    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    const res = await take(app, body, key);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).toEqual(before);
  });

  it('answers 409 QUEUE_TICKETS_EXHAUSTED after 999 tickets of a category, and the number is not used up', async () => {
    await app.db.query(
      "INSERT INTO ticket_day_counters (centre_id, category, day, last_value) VALUES ($1, 'B', '2026-03-10', 998) ON CONFLICT (centre_id, category, day) DO UPDATE SET last_value = 998",
      [centreId],
    );
    expect((await ticket(app, { centreId, category: 'B' })).ticketNo).toBe('B999');
    const refused = await take(app, { centreId, category: 'B' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('QUEUE_TICKETS_EXHAUSTED');
    const [counter] = await app.db.query<{ last_value: number }>(
      "SELECT last_value FROM ticket_day_counters WHERE centre_id = $1 AND category = 'B' AND day = '2026-03-10'",
      [centreId],
    );
    expect(counter?.last_value).toBe(999);
  });

  it('restarts the numbers at midnight in Shanghai, not UTC', async () => {
    const before = clock.now;
    try {
      // 23:59 in Shanghai: still 3 月 10 日.
      clock.now = new Date('2026-03-10T15:59:00Z');
      expect((await ticket(app, { centreId, category: 'C' })).date).toBe('2026-03-10');
      clock.now = new Date('2026-03-10T16:00:00Z');
      const next = await ticket(app, { centreId, category: 'C' });
      expect([next.date, next.ticketNo]).toEqual(['2026-03-11', 'C001']);
    } finally {
      clock.now = before;
    }
  });

  it('shows a centre: categories with waiting counts, counters 1–4; 404 for an unknown ticket or centre', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/queue/centres/${centreId}` });
    expect(res.statusCode).toBe(200);
    const centre = res.json<CentreView>();
    const [counts] = await app.db.query<{ a: number; b: number }>(
      "SELECT count(*) FILTER (WHERE category = 'A')::int AS a, count(*) FILTER (WHERE category = 'B')::int AS b FROM tickets WHERE day = '2026-03-10' AND status = 'waiting'",
    );
    expect(centre.categories.map((c) => [c.code, c.waiting])).toEqual([
      ['A', counts!.a],
      ['B', counts!.b],
      ['C', expect.any(Number)],
    ]);
    expect(centre.categories[0]!.waiting).toBeGreaterThan(0);
    expect(centre.counters.map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(centre.counters[3]).toEqual({ number: 4, categories: ['A', 'B', 'C'], open: false });

    const missing = await app.inject({ method: 'GET', url: `/api/v1/queue/tickets/${centreId}/2026-03-10/A998` });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'QUEUE_TICKET_NOT_FOUND']);
    const badDate = await app.inject({ method: 'GET', url: `/api/v1/queue/tickets/${centreId}/20260310/A001` });
    expect([badDate.statusCode, badDate.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const noCentre = await app.inject({ method: 'GET', url: '/api/v1/queue/centres/nowhere' });
    expect([noCentre.statusCode, noCentre.json().code]).toEqual([404, 'QUEUE_CENTRE_NOT_FOUND']);
    expect(noCentre.json().message).toBe('没有这个服务中心。');
  });

  it('documents the queue routes in the OpenAPI document, with the queue tag', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { tags?: string[]; responses: object }>> }>();
    const post = doc.paths['/api/v1/queue/tickets']?.['post'];
    expect(post?.tags).toEqual(['queue']);
    expect(Object.keys(post!.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '404', '409', '422']));
    expect(doc.paths['/api/v1/queue/tickets/{centreId}/{date}/{ticketNo}']?.['get']?.tags).toEqual(['queue']);
    expect(doc.paths['/api/v1/queue/centres/{centreId}']?.['get']?.tags).toEqual(['queue']);
  });
});
