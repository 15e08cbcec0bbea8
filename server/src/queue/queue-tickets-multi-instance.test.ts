import type { IssuedTicket } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { describeOnPostgres, TEST_DATA_KEY, type DatabaseTarget } from '../testing/test-databases';
import { TEST_INSTANT } from '../testing/test-kiosk';
import { DEMO_CENTRE_ID } from './demo-queue-centre';

const CATEGORIES = ['A', 'B', 'C'] as const;

/**
 * `total` ticket requests from `inFlight` concurrent clients, spread round-robin over the
 * instances and categories; every 10th request is also retried (same key) on another instance.
 */
async function issueConcurrently(apps: FastifyInstance[], total: number, inFlight: number): Promise<{ tickets: IssuedTicket[]; failures: string[] }> {
  const tickets: IssuedTicket[] = [];
  const failures: string[] = [];
  let next = 0;
  const client = async () => {
    while (next < total) {
      const i = next++;
      const payload = { centreId: DEMO_CENTRE_ID, category: CATEGORIES[i % CATEGORIES.length]!, kioskId: `kiosk-${i % 7}` };
      const headers = { 'idempotency-key': `load-${i}` };
      const sends = [apps[i % apps.length]!.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload, headers })];
      if (i % 10 === 0) sends.push(apps[(i + 1) % apps.length]!.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload, headers }));
      const [first, ...retries] = await Promise.all(sends);
      for (const res of [first!, ...retries]) if (res.statusCode !== 201) failures.push(`${res.statusCode} ${res.body}`);
      const ticket = first!.json<IssuedTicket>();
      for (const retry of retries) if (retry.json<IssuedTicket>().ticketId !== ticket.ticketId) failures.push(`retry of load-${i} got another ticket`);
      tickets.push(ticket);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, client));
  return { tickets, failures };
}

/** Per category, the numbers issued are exactly 1..n: no duplicate, no gap. */
function expectGapFree(tickets: IssuedTicket[], total: number): void {
  expect(new Set(tickets.map((t) => t.ticketId)).size).toBe(total);
  for (const [c, category] of CATEGORIES.entries()) {
    const expected = Math.floor(total / CATEGORIES.length) + (c < total % CATEGORIES.length ? 1 : 0);
    const numbers = tickets.filter((t) => t.category.code === category).map((t) => t.ticketNo).sort();
    expect(numbers).toEqual(Array.from({ length: expected }, (_, i) => `${category}${String(i + 1).padStart(3, '0')}`));
  }
}

async function expectDatabaseAgrees(app: FastifyInstance, total: number): Promise<void> {
  const rows = await app.db.query<{ category: string; n: number; max: number; distinct_no: number }>(
    'SELECT category, count(*)::int AS n, max(sequence) AS max, count(DISTINCT ticket_no)::int AS distinct_no FROM tickets GROUP BY category ORDER BY category',
  );
  expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(total);
  for (const r of rows) expect([r.max, r.distinct_no]).toEqual([r.n, r.n]);
}

function startApps(target: DatabaseTarget, count: number): Promise<FastifyInstance[]> {
  return target.create().then((database) =>
    // Started together: migrations and the demo centre seeding race as well.
    Promise.all(Array.from({ length: count }, () => buildApp({ database, dataKey: TEST_DATA_KEY, clock: () => TEST_INSTANT, seedDemoRegistry: true }))),
  );
}

describeOnPostgres('queue tickets from two server instances on one PostgreSQL database', (target) => {
  let apps: FastifyInstance[] = [];
  beforeAll(async () => {
    apps = await startApps(target, 2);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('2,000 tickets from 50 concurrent clients over both instances and three categories: no duplicate, no gap', async () => {
    const { tickets, failures } = await issueConcurrently(apps, 2000, 50);
    expect(failures).toEqual([]);
    expectGapFree(tickets, 2000);
    await expectDatabaseAgrees(apps[0]!, 2000);
  }, 600_000);
});

describe('queue tickets from concurrent clients on one instance [pglite]', () => {
  let apps: FastifyInstance[] = [];
  beforeAll(async () => {
    apps = await startApps({ kind: 'pglite', create: async () => ({ kind: 'pglite' }) }, 1);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('300 tickets from 20 concurrent clients over three categories: no duplicate, no gap', async () => {
    const { tickets, failures } = await issueConcurrently(apps, 300, 20);
    expect(failures).toEqual([]);
    expectGapFree(tickets, 300);
    await expectDatabaseAgrees(apps[0]!, 300);
  }, 300_000);
});
