import { createHash, randomBytes } from 'node:crypto';
import type { SqlDatabase } from '../db/sql-database';
import { STAFF_USER_COLUMNS, staffUserFromRow, type StaffUser } from './staff-accounts';

export interface StaffSessionLimits {
  /** From login, however busy: a working day. */
  absoluteMs: number;
  /** Since the last request: a terminal left alone logs out. Sliding. */
  idleMs: number;
}

export const DEFAULT_STAFF_SESSION_LIMITS: StaffSessionLimits = { absoluteMs: 10 * 60 * 60 * 1000, idleMs: 30 * 60 * 1000 };

/** 32 random bytes, base64url: what the cookie carries. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Staff sessions in the database, so any server instance knows them. Only token hashes are stored. */
export class StaffSessions {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date,
    readonly limits: StaffSessionLimits = DEFAULT_STAFF_SESSION_LIMITS,
  ) {}

  /** Opens a session; returns the token for the cookie (shown once, never stored). */
  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    await this.db.query(
      'INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)',
      [tokenHash(token), userId, now, new Date(now.getTime() + this.limits.absoluteMs)],
    );
    return token;
  }

  /**
   * The user of a live session, and the session's idle time starts again. An expired session, or
   * one of a disabled user, is deleted and answers undefined.
   */
  async resolve(token: string): Promise<StaffUser | undefined> {
    if (!isWellFormedToken(token)) return undefined;
    const hash = tokenHash(token);
    const [row] = await this.db.query<Parameters<typeof staffUserFromRow>[0] & { last_seen_at: Date; expires_at: Date }>(
      `SELECT ${STAFF_USER_COLUMNS}, s.last_seen_at, s.expires_at
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [hash],
    );
    if (!row) return undefined;
    const now = this.clock();
    const idleEnd = row.last_seen_at.getTime() + this.limits.idleMs;
    if (row.disabled || now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleEnd) {
      await this.db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [hash]);
      return undefined;
    }
    await this.db.query('UPDATE staff_sessions SET last_seen_at = GREATEST(last_seen_at, $2) WHERE token_hash = $1', [hash, now]);
    return staffUserFromRow(row);
  }

  /** The user the session belonged to (for the audit), if it still existed. */
  async delete(token: string): Promise<{ userId: string; username: string } | undefined> {
    if (!isWellFormedToken(token)) return undefined;
    const [row] = await this.db.query<{ user_id: string; username: string }>(
      `DELETE FROM staff_sessions s USING staff_users u WHERE s.token_hash = $1 AND u.id = s.user_id
       RETURNING s.user_id::text AS user_id, u.username`,
      [tokenHash(token)],
    );
    return row && { userId: row.user_id, username: row.username };
  }

  /** Drops every session past its absolute or idle limit; returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock();
    const rows = await this.db.query<{ n: number }>(
      `WITH gone AS (DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [now, new Date(now.getTime() - this.limits.idleMs)],
    );
    return rows[0]?.n ?? 0;
  }

  async countForUser(userId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_sessions WHERE user_id = $1', [userId]);
    return rows[0]?.n ?? 0;
  }
}
