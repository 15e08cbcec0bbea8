import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDatabase } from '../plugins/database-plugin';
import { describeOnEachDatabase, describeOnPostgres } from '../testing/test-databases';
import { PostgresDatabase } from './postgres-database';
import type { SqlDatabase } from './sql-database';

/** NOTIFY channels are database-wide (not per schema): each test file uses its own channel name. */
const CHANNEL = `listen_test_${process.pid}`;

describeOnEachDatabase('SqlDatabase.listen', (target) => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openDatabase(await target.create());
  });
  afterAll(() => db?.close());

  it('delivers a NOTIFY sent in a transaction once it commits, never one rolled back, and stops on unlisten', async () => {
    const received: string[] = [];
    const unlisten = await db.listen(CHANNEL, { onNotification: (payload) => received.push(payload) });
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_notify($1, $2)', [CHANNEL, 'one']);
      await tx.query('SELECT pg_notify($1, $2)', [CHANNEL, 'two']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('SELECT pg_notify($1, $2)', [CHANNEL, 'rolled back']);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'three']);
    await vi.waitFor(() => expect(received).toEqual(['one', 'two', 'three']));

    await unlisten();
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'after unlisten']);
    await db.query('SELECT 1');
    expect(received).toEqual(['one', 'two', 'three']);
  });

  it('refuses channel names that are not plain identifiers, and LISTEN on a transaction handle', async () => {
    await expect(db.listen('x; DROP TABLE y', { onNotification: () => undefined })).rejects.toThrow('Not a channel name');
    await expect(db.transaction((tx) => tx.listen(CHANNEL, { onNotification: () => undefined }))).rejects.toThrow('not to a transaction');
  });
});

describeOnPostgres('PostgreSQL listener connection', (target) => {
  let db: PostgresDatabase;
  beforeAll(async () => {
    const options = await target.create();
    if (options.kind !== 'postgres') throw new Error('PostgreSQL only');
    db = await PostgresDatabase.open(options.url, 2);
  });
  afterAll(() => db?.close());

  it('is one connection outside the pool that comes back after pg_terminate_backend, and says so', async () => {
    const received: string[] = [];
    let reconnects = 0;
    await db.listen(CHANNEL, { onNotification: (p) => received.push(p), onReconnect: () => (reconnects += 1) });
    await db.listen(`${CHANNEL}_b`, { onNotification: (p) => received.push(`b:${p}`) });
    const pid = db.listenerBackendPid;
    expect(pid).toEqual(expect.any(Number));
    // The pool's connections are others (the listener is not one of them).
    const [pooled] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(pooled?.pid).not.toBe(pid);

    await db.query('SELECT pg_terminate_backend($1)', [pid]);
    await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 10_000, interval: 20 });
    expect(db.listenerBackendPid).not.toBe(pid);
    // Both channels are listened to again on the new connection.
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, 'after']);
    await db.query('SELECT pg_notify($1, $2)', [`${CHANNEL}_b`, 'after']);
    await vi.waitFor(() => expect(received.sort()).toEqual(['after', 'b:after']));
  });
});
