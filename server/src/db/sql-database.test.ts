import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../plugins/database-plugin';
import { describeOnEachDatabase, describeOnPostgres } from '../testing/test-databases';
import { loadMigrations, runMigrations } from './run-migrations';
import type { SqlDatabase } from './sql-database';

describeOnEachDatabase('SqlDatabase', (target) => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await openDatabase(await target.create());
    await db.exec('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0);');
  });
  afterAll(() => db?.close());

  it('round-trips bytea as Buffer and timestamptz as Date', async () => {
    const [row] = await db.query<{ b: Buffer; t: Date }>('SELECT $1::bytea AS b, $2::timestamptz AS t', [Buffer.from([0, 1, 255]), new Date('2026-03-10T02:00:00Z')]);
    expect(Buffer.isBuffer(row?.b)).toBe(true);
    expect([...row!.b]).toEqual([0, 1, 255]);
    expect(row?.t.toISOString()).toBe('2026-03-10T02:00:00.000Z');
  });

  it('rolls back a transaction that throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE counter SET n = n + 100 WHERE id = 1');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [row] = await db.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
    expect(row?.n).toBe(0);
  });

  it('concurrent read-modify-write transactions never interleave', async () => {
    // Without isolation between transactions, two of these would read the same n and lose an update.
    await Promise.all(
      Array.from({ length: 25 }, () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1 FOR UPDATE');
          await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [row!.n + 1]);
        }),
      ),
    );
    const [row] = await db.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
    expect(row?.n).toBe(25);
  });

  it('migrations apply once, in order, recorded in schema_migrations', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort());
    expect(await runMigrations(db)).toEqual(migrations.map((m) => m.version));
    expect(await runMigrations(db)).toEqual([]);
    const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });
});

describeOnPostgres('migrations from several instances at once', (target) => {
  it('four pools migrating one database together apply each migration exactly once', async () => {
    const options = await target.create();
    const dbs = await Promise.all(Array.from({ length: 4 }, () => openDatabase(options)));
    try {
      const applied = await Promise.all(dbs.map((db) => runMigrations(db)));
      const all = applied.flat();
      expect(all).toEqual([...new Set(all)]);
      expect(all.length).toBe((await loadMigrations()).length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});
