import pg from 'pg';
import { PostgresListener, type PostgresListenerOptions } from './postgres-listener';
import { normaliseRow, type NotificationListener, type SqlDatabase, type SqlParam } from './sql-database';

/** One checked-out connection inside BEGIN … COMMIT. */
class PostgresTransaction implements SqlDatabase {
  constructor(private readonly client: pg.PoolClient) {}

  async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const result = await this.client.query(sql, [...params]);
    return result.rows.map((row: Record<string, unknown>) => normaliseRow<T>(row));
  }

  transaction<T>(fn: (tx: SqlDatabase) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  listen(): Promise<() => Promise<void>> {
    return Promise.reject(new Error('LISTEN belongs to the database, not to a transaction'));
  }

  close(): Promise<void> {
    return Promise.reject(new Error('A transaction handle cannot close the database'));
  }
}

/** PostgreSQL through a `pg` connection pool; several server instances may share the database. */
export class PostgresDatabase implements SqlDatabase {
  #listener: PostgresListener | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly listenerOptions: PostgresListenerOptions,
  ) {}

  static async open(url: string, poolSize = 10, listenerOptions: PostgresListenerOptions = {}): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client that loses its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new PostgresDatabase(pool, url, listenerOptions);
    try {
      await db.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw error;
    }
    return db;
  }

  async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const result = await this.pool.query(sql, [...params]);
    return result.rows.map((row: Record<string, unknown>) => normaliseRow<T>(row));
  }

  async transaction<T>(fn: (tx: SqlDatabase) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresTransaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        // The connection itself failed: do not hand it back to the pool.
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  /** The listening connection's server process, null before the first listen or while reconnecting. */
  get listenerBackendPid(): number | null {
    return this.#listener?.backendPid ?? null;
  }

  /** Through one dedicated connection (not from the pool), opened on the first listen. */
  listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>> {
    this.#listener ??= new PostgresListener(this.url, this.listenerOptions);
    return this.#listener.listen(channel, listener);
  }

  async close(): Promise<void> {
    await this.#listener?.close();
    await this.pool.end();
  }
}
