/**
 * The one small database interface the server needs. Both PGlite (embedded) and PostgreSQL
 * (through `pg`) implement it with the same SQL dialect, so every query and every migration runs
 * unchanged on either.
 */
export type SqlParam = string | number | boolean | null | Date | Uint8Array;

export interface SqlDatabase {
  /** One statement, `$1…` parameters. Rows come back with bytea as Buffer and timestamptz as Date. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. Nested calls
   * on a transaction handle join the outer transaction.
   */
  transaction<T>(fn: (tx: SqlDatabase) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migration files). */
  exec(sql: string): Promise<void>;
  /**
   * Listens on a NOTIFY channel (the database's, not a transaction's). Returns the function that
   * stops listening. PGlite delivers in-process; PostgreSQL through one dedicated connection.
   */
  listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface NotificationListener {
  onNotification(payload: string): void;
  /**
   * The listening connection was lost and is back: whatever was notified meanwhile is lost, so
   * the listener re-reads what it follows from its source (the notification is only a nudge).
   */
  onReconnect?(): void;
}

/** LISTEN takes an identifier, not a parameter: channels are plain lower-case names. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
}

export type DatabaseKind = 'pglite' | 'postgres';

/** bytea arrives as Uint8Array from PGlite and Buffer from pg; callers always get Buffer. */
export function normaliseRow<T>(row: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row as T;
}
