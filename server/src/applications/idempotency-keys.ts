import { createHash } from 'node:crypto';
import type { SqlDatabase } from '../db/sql-database';

/** 1–128 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7E]{1,128}$';

/** JSON with object keys sorted, so that key order does not make two equal bodies differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): Buffer {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest();
}

/** A signed 64-bit advisory-lock id for a key (as text: pg has no JS bigint parameter type). */
function lockId(key: string): string {
  return createHash('sha256').update(`idempotency-key:${key}`, 'utf8').digest().readBigInt64BE(0).toString();
}

/**
 * Idempotency-Key bookkeeping. `lock` must come first in the transaction: it makes a second
 * request with the same key wait until the first has committed, so the second finds the first's
 * application instead of creating its own.
 */
export const idempotencyKeys = {
  async lock(tx: SqlDatabase, key: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockId(key)]);
  },

  async find(tx: SqlDatabase, key: string): Promise<{ applicationId: number; requestHash: Buffer } | null> {
    const [row] = await tx.query<{ application_id: number; request_hash: Buffer }>(
      'SELECT application_id, request_hash FROM idempotency_keys WHERE idempotency_key = $1',
      [key],
    );
    return row ? { applicationId: row.application_id, requestHash: row.request_hash } : null;
  },

  async record(tx: SqlDatabase, key: string, hash: Buffer, applicationId: number, now: Date): Promise<void> {
    await tx.query('INSERT INTO idempotency_keys (idempotency_key, request_hash, application_id, created_at) VALUES ($1, $2, $3, $4)', [
      key,
      hash,
      applicationId,
      now,
    ]);
  },
};
