import { randomBytes } from 'node:crypto';
import { DEFAULT_QUEUE_RULES, type QueueEventBody } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import { appendQueueEvent } from '../realtime/append-queue-event';
import { HEARTBEAT_MS } from '../realtime/queue-event-hub-plugin';
import { SseTestClient } from '../realtime/sse-test-client';
import { describeOnEachDatabase, describeOnPostgres, TEST_DATA_KEY } from '../testing/test-databases';
import { TestClock, TEST_INSTANT } from '../testing/test-kiosk';
import type { PostgresDatabase } from '../db/postgres-database';
import { REPLAY_LIMIT, RETRY_MS } from './queue-event-routes';

/**
 * Each test follows its own centre: NOTIFY is database-wide, so on a shared PostgreSQL other
 * test files' events (of the demo centre) would otherwise add reads and noise.
 */
async function newCentre(app: FastifyInstance): Promise<string> {
  const id = `rt-${randomBytes(4).toString('hex')}`;
  await app.db.query('INSERT INTO centres (id, name_zh, name_en, queue_rules, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)', [
    id,
    '测试中心',
    'Test centre',
    JSON.stringify(DEFAULT_QUEUE_RULES),
    TEST_INSTANT,
  ]);
  return id;
}

const called = (n: number, counterNumber = 1): QueueEventBody => ({
  type: 'ticket.called',
  ticketNo: `A${String(n).padStart(3, '0')}`,
  category: 'A',
  counterNumber,
  callCount: 1,
  waiting: [{ category: 'A', waiting: 3 }],
});

/** Appends through the real path: a transaction on the app's database. */
function append(app: FastifyInstance, centreId: string, bodies: QueueEventBody[], at: Date = app.clock()): Promise<string[]> {
  return app.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const body of bodies) ids.push(await appendQueueEvent(tx, centreId, body, at));
    return ids;
  });
}

function baseUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

function connect(app: FastifyInstance, centreId: string, query = '', headers: Record<string, string> = {}): Promise<SseTestClient> {
  return SseTestClient.connect(`${baseUrl(app)}/api/v1/queue/centres/${centreId}/events${query}`, headers);
}

const ticketNos = (client: SseTestClient) => client.events.map((e) => (e.type === 'ticket.called' ? e.ticketNo : e.type));

describeOnEachDatabase('GET /queue/centres/:centreId/events (SSE)', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);

  beforeAll(async () => {
    // Only the heartbeat interval is faked; the database and sockets keep their real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await app?.close();
  });

  it('sends an appended event to a connected client: id, event type, and the QueueEvent as data', async () => {
    const centreId = await newCentre(app);
    const client = await connect(app, centreId);
    expect(client.status).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await client.until((c) => c.readies.length === 1);
    expect(client.parser.retry).toBe(RETRY_MS);
    expect(JSON.parse(client.readies[0]!.data)).toEqual({ lastEventId: '0', replayed: 0, truncated: false });

    const [id] = await append(app, centreId, [called(1, 3)]);
    await client.until((c) => c.events.length === 1);
    expect(client.messages.at(-1)).toMatchObject({ lastEventId: id, event: 'ticket.called' });
    expect(client.events[0]).toEqual({
      id,
      centreId,
      at: TEST_INSTANT.toISOString(),
      type: 'ticket.called',
      ticketNo: 'A001',
      category: 'A',
      counterNumber: 3,
      callCount: 1,
      waiting: [{ category: 'A', waiting: 3 }],
    });
    client.close();
  });

  it('a reconnect with Last-Event-ID gets exactly the missed events, in order, then live ones, none twice', async () => {
    const centreId = await newCentre(app);
    await append(app, centreId, [called(1)]);
    const first = await connect(app, centreId);
    await first.until((c) => c.readies.length === 1);
    await append(app, centreId, [called(2), called(3)]);
    await first.until((c) => c.events.length === 2);
    expect(ticketNos(first)).toEqual(['A002', 'A003']);
    first.close();

    // Missed while away: three events in two commits.
    await append(app, centreId, [called(4)]);
    await append(app, centreId, [called(5), called(6)]);
    // EventSource keeps its URL (here ?after=0 from the first open) and adds the header: the header wins.
    const again = await connect(app, centreId, '?after=0', { 'last-event-id': first.lastEventId });
    await again.until((c) => c.readies.length === 1);
    expect(ticketNos(again)).toEqual(['A004', 'A005', 'A006']);
    expect(JSON.parse(again.readies[0]!.data)).toMatchObject({ replayed: 3, truncated: false });
    await append(app, centreId, [called(7)]);
    await again.until((c) => c.events.length === 4);
    expect(ticketNos(again)).toEqual(['A004', 'A005', 'A006', 'A007']);
    const ids = again.events.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    again.close();
  });

  it('?after=0 replays today’s events only (a display opening shows the last calls, not yesterday’s)', async () => {
    const centreId = await newCentre(app);
    await append(app, centreId, [called(9)], new Date(TEST_INSTANT.getTime() - 24 * 3600_000));
    await append(app, centreId, [called(1), { type: 'counter.changed', counterNumber: 2, state: 'open' }]);
    const client = await connect(app, centreId, '?after=0');
    await client.until((c) => c.readies.length === 1);
    expect(ticketNos(client)).toEqual(['A001', 'counter.changed']);
    // The ready event carries the position, so a later reconnect continues from there.
    expect(client.readies[0]!.lastEventId).toBe(client.events[1]!.id);
    client.close();
  });

  it('replays at most the latest 500 missed events and says it cut the rest', async () => {
    const centreId = await newCentre(app);
    // 600 events in the log (written in one statement: this is about reading it back).
    await app.db.query(
      `INSERT INTO queue_events (centre_id, day, type, payload, created_at)
       SELECT $1, $2::date, 'counter.changed', jsonb_build_object('counterNumber', 1 + n % 4, 'state', 'open'), $3 FROM generate_series(1, 600) n`,
      [centreId, '2026-03-10', TEST_INSTANT],
    );
    const client = await connect(app, centreId, '?after=0');
    await client.until((c) => c.readies.length === 1);
    expect(JSON.parse(client.readies[0]!.data)).toMatchObject({ replayed: REPLAY_LIMIT, truncated: true });
    const ids = client.events.map((e) => BigInt(e.id));
    expect(ids).toHaveLength(REPLAY_LIMIT);
    expect(ids.every((id, i) => i === 0 || id === ids[i - 1]! + 1n)).toBe(true);
    expect(client.readies[0]!.lastEventId).toBe(String(ids.at(-1)));
    client.close();
  });

  it('replays in numeric id order where ids gain a digit (9 → 10 sorted as text would come first)', async () => {
    const centreId = await newCentre(app);
    const [{ next }] = (await app.db.query<{ next: string }>("SELECT nextval('queue_events_id_seq')::text AS next")) as [{ next: string }];
    // Enough events to end three past the next power of ten.
    const count = Number(10n ** BigInt(next.length) - BigInt(next)) + 3;
    await app.db.query(
      `INSERT INTO queue_events (centre_id, day, type, payload, created_at)
       SELECT $1, $2::date, 'counter.changed', jsonb_build_object('counterNumber', 1, 'state', 'open'), $3 FROM generate_series(1, $4::int)`,
      [centreId, '2026-03-10', TEST_INSTANT, count],
    );
    const client = await connect(app, centreId, '?after=0');
    await client.until((c) => c.readies.length === 1);
    const ids = client.events.map((e) => BigInt(e.id));
    expect(ids).toHaveLength(Math.min(count, REPLAY_LIMIT));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    client.close();
  });

  it('a live start sets the position at the centre’s last event, so a reconnect misses nothing appended meanwhile', async () => {
    const centreId = await newCentre(app);
    const [existing] = await append(app, centreId, [called(1)]);
    const client = await connect(app, centreId);
    await client.until((c) => c.readies.length === 1);
    expect(client.events).toEqual([]);
    expect(client.lastEventId).toBe(existing);
    client.close();
    await append(app, centreId, [called(2)]);
    const again = await connect(app, centreId, '', { 'last-event-id': client.lastEventId });
    await again.until((c) => c.readies.length === 1);
    expect(ticketNos(again)).toEqual(['A002']);
    again.close();
  });

  it('many subscribers of a centre cost one database read per burst, not one per client', async () => {
    const centreId = await newCentre(app);
    const clients = await Promise.all(Array.from({ length: 100 }, () => connect(app, centreId)));
    await Promise.all(clients.map((c) => c.until((x) => x.readies.length === 1)));
    const readsBefore = app.queueEventHub.reads;
    await append(app, centreId, [called(1), called(2), called(3), called(4), called(5)]);
    await Promise.all(clients.map((c) => c.until((x) => x.events.length === 5)));
    expect(app.queueEventHub.reads - readsBefore).toBe(1);
    for (const c of clients) expect(ticketNos(c)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
    for (const c of clients) c.close();
  });

  it('heartbeats every 15 s, and the subscriber count returns to 0 when clients go away', async () => {
    const centreId = await newCentre(app);
    const clients = await Promise.all([connect(app, centreId), connect(app, centreId), connect(app, centreId, '?after=0')]);
    await Promise.all(clients.map((c) => c.until((x) => x.readies.length === 1)));
    expect(app.queueEventHub.subscriberCount).toBe(3);
    const commentsBefore = clients[0]!.parser.comments;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await clients[0]!.until((c) => c.parser.comments > commentsBefore);
    for (const c of clients) c.close();
    await vi.waitFor(() => expect(app.queueEventHub.subscriberCount).toBe(0));
  });

  it('answers JSON errors before any stream: 404 unknown centre, 400 a malformed position', async () => {
    const unknown = await connect(app, 'no-such-centre');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ code: 'QUEUE_CENTRE_NOT_FOUND' });
    const centreId = await newCentre(app);
    const badQuery = await connect(app, centreId, '?after=-1');
    expect(badQuery.status).toBe(400);
    expect(JSON.parse(badQuery.body)).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badHeader = await connect(app, centreId, '', { 'last-event-id': 'abc' });
    expect(badHeader.status).toBe(400);
    expect(app.queueEventHub.subscriberCount).toBe(0);
  });

  it('is in the OpenAPI document as text/event-stream', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, { content: object }> }>> }>();
    const operation = doc.paths['/api/v1/queue/centres/{centreId}/events']?.['get'];
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
    expect(Object.keys(operation?.responses['404']?.content ?? {})).toEqual(['application/json']);
  });

  // Last: it closes the app.
  it('closing the app ends every open stream, so the server can shut down and clients reconnect elsewhere', async () => {
    const centreId = await newCentre(app);
    const client = await connect(app, centreId);
    await client.until((c) => c.readies.length === 1);
    await app.close();
    await client.until((c) => c.ended);
    expect(app.queueEventHub.subscriberCount).toBe(0);
  });
});

describeOnPostgres('queue events across server instances', (target) => {
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    const database = await target.create();
    [a, b] = await Promise.all([
      buildApp({ database, dataKey: TEST_DATA_KEY, clock: () => TEST_INSTANT }),
      buildApp({ database, dataKey: TEST_DATA_KEY, clock: () => TEST_INSTANT }),
    ]);
    await b.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('an event appended through instance A reaches a client of instance B', async () => {
    const centreId = await newCentre(a);
    const client = await connect(b, centreId);
    await client.until((c) => c.readies.length === 1);
    const [id] = await append(a, centreId, [called(1, 2)]);
    await client.until((c) => c.events.length === 1);
    expect(client.events[0]).toMatchObject({ id, ticketNo: 'A001', counterNumber: 2 });
    client.close();
  });

  it('when B’s listening connection is killed, B reconnects and its client still gets every event, from the log', async () => {
    const centreId = await newCentre(a);
    const client = await connect(b, centreId);
    await client.until((c) => c.readies.length === 1);
    const db = b.db as PostgresDatabase;
    const pid = db.listenerBackendPid;
    // Killed and appended in one go: the NOTIFY goes out while B has no listening connection.
    await a.db.transaction(async (tx) => {
      await tx.query('SELECT pg_terminate_backend($1)', [pid]);
      await appendQueueEvent(tx, centreId, called(1), TEST_INSTANT);
      await appendQueueEvent(tx, centreId, called(2), TEST_INSTANT);
    });
    await append(a, centreId, [called(3)]);
    await client.until((c) => c.events.length === 3);
    expect(ticketNos(client)).toEqual(['A001', 'A002', 'A003']);
    expect(db.listenerBackendPid).not.toBe(pid);
    client.close();
  });
});
