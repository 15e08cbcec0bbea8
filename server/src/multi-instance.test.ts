import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from './app';
import { describeOnPostgres, TEST_DATA_KEY } from './testing/test-databases';
import { channelRequest, identify, postApplication, strangerCard, TEST_INSTANT } from './testing/test-kiosk';

describeOnPostgres('two server instances on one PostgreSQL database', (target) => {
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    const database = await target.create();
    // Started together: migrations and demo seeding race as well.
    [a, b] = await Promise.all([
      buildApp({ database, dataKey: TEST_DATA_KEY, clock: () => TEST_INSTANT }),
      buildApp({ database, dataKey: TEST_DATA_KEY, clock: () => TEST_INSTANT }),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('200 racing applications get 200 distinct numbers without gaps', async () => {
    const people = Array.from({ length: 200 }, (_, i) => strangerCard({ birthDate: '1945-06-15', sequence: i, sex: i % 2 === 0 ? 'female' : 'male' }));
    const tokens = await Promise.all(people.map((card, i) => identify(i % 2 === 0 ? a : b, card)));
    // Every request also sent twice (same key) to the other instance: replays must not add numbers.
    const responses = await Promise.all(
      tokens.flatMap(({ identifyToken }, i) => {
        const body = channelRequest(identifyToken, 'social-security-card');
        return [postApplication(i % 2 === 0 ? a : b, body, `multi-${i}`), postApplication(i % 2 === 0 ? b : a, body, `multi-${i}`)];
      }),
    );
    expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const numbers = responses.map((r) => r.json<{ applicationNo: string }>().applicationNo);
    const distinct = [...new Set(numbers)].sort();
    expect(distinct).toHaveLength(200);
    expect(distinct).toEqual(Array.from({ length: 200 }, (_, i) => `YL20260310${String(i + 1).padStart(6, '0')}`));
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(200);
    const [row] = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications');
    expect(row?.n).toBe(200);
  });
});
