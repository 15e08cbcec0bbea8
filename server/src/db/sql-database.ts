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
  close(): Promise<void>;
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
