import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { AsyncMutex } from './async-mutex';
import { assertChannelName, normaliseRow, type NotificationListener, type SqlDatabase, type SqlParam } from './sql-database';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

/** Statements inside a transaction run on PGlite's transaction handle, already inside the lock. */
class PgliteTransaction implements SqlDatabase {
  constructor(private readonly tx: Queryable) {}

  async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const result = await this.tx.query<Record<string, unknown>>(sql, [...params]);
    return result.rows.map((row) => normaliseRow<T>(row));
  }

  transaction<T>(fn: (tx: SqlDatabase) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async exec(sql: string): Promise<void> {
    await this.tx.exec(sql);
  }

  listen(): Promise<() => Promise<void>> {
    return Promise.reject(new Error('LISTEN belongs to the database, not to a transaction'));
  }

  close(): Promise<void> {
    return Promise.reject(new Error('A transaction handle cannot close the database'));
  }
}

/** The embedded database: PostgreSQL compiled to WASM, in memory or in a data folder. */
export class PgliteDatabase implements SqlDatabase {
  readonly #mutex = new AsyncMutex();

  private constructor(private readonly pg: PGlite) {}

  /**
   * `dataDir` undefined keeps everything in memory. `template`: the path of a tarball of a fresh
   * cluster (PGlite's dumpDataDir right after initdb) that a NEW database starts from instead of
   * running initdb, which costs seconds of WASM time; an existing data folder ignores it. The
   * test suite makes one per run (PGLITE_TEMPLATE); migrations still run as usual.
   */
  static async open(dataDir?: string, options: { template?: string } = {}): Promise<PgliteDatabase> {
    const isNew = dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
    const loadDataDir = options.template && isNew ? new Blob([await readFile(options.template)]) : undefined;
    // PGlite creates only the last folder of the path; a fresh ./data needs its parents too.
    if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
    return new PgliteDatabase(await PGlite.create({ ...(dataDir !== undefined && { dataDir }), ...(loadDataDir && { loadDataDir }) }));
  }

  /** A fresh cluster as a tarball, for `open`'s template. */
  static async freshClusterTarball(): Promise<Buffer> {
    const pg = await PGlite.create();
    try {
      return Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    } finally {
      await pg.close();
    }
  }

  query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return this.#mutex.runExclusive(async () => {
      const result = await this.pg.query<Record<string, unknown>>(sql, [...params]);
      return result.rows.map((row) => normaliseRow<T>(row));
    });
  }

  transaction<T>(fn: (tx: SqlDatabase) => Promise<T>): Promise<T> {
    return this.#mutex.runExclusive(() => this.pg.transaction((tx) => fn(new PgliteTransaction(tx))));
  }

  exec(sql: string): Promise<void> {
    return this.#mutex.runExclusive(async () => {
      await this.pg.exec(sql);
    });
  }

  /**
   * PGlite is one in-process session: its own NOTIFYs come back to it on COMMIT, from inside the
   * statement that committed (the mutex is held then), so a listener must not query synchronously.
   * The connection cannot drop, so onReconnect never runs.
   */
  async listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>> {
    assertChannelName(channel);
    const callback = (payload: string) => listener.onNotification(payload);
    const unlisten = await this.#mutex.runExclusive(() => this.pg.listen(channel, callback));
    return () => (this.pg.closed ? Promise.resolve() : this.#mutex.runExclusive(() => unlisten()));
  }

  close(): Promise<void> {
    return this.#mutex.runExclusive(() => this.pg.close());
  }
}
