import type { SqlDatabase } from '../db/sql-database';

export type StaffAuditEvent = 'login_ok' | 'login_failed' | 'login_throttled' | 'logout';

export interface StaffAuditEntry {
  at: Date;
  event: StaffAuditEvent;
  username: string;
  userId: string | null;
  ip: string | null;
}

/** Who logged in or out, when, from where. Never a password. */
export class StaffAudit {
  constructor(private readonly db: SqlDatabase) {}

  async record(entry: StaffAuditEntry): Promise<void> {
    await this.db.query('INSERT INTO staff_audit (at, event, username, user_id, ip) VALUES ($1, $2, $3, $4, $5)', [
      entry.at,
      entry.event,
      entry.username,
      entry.userId,
      entry.ip,
    ]);
  }

  /** Newest first. */
  async recent(limit = 100): Promise<StaffAuditEntry[]> {
    const rows = await this.db.query<{ at: Date; event: StaffAuditEvent; username: string; user_id: string | null; ip: string | null }>(
      'SELECT at, event, username, user_id::text AS user_id, ip FROM staff_audit ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return rows.map((r) => ({ at: r.at, event: r.event, username: r.username, userId: r.user_id, ip: r.ip }));
  }

  /**
   * Times of the newest failed logins (at most `limit`) since `since`, for a username (only those
   * after its last successful login) or for an address.
   */
  async recentFailures(by: { username: string } | { ip: string }, since: Date, limit: number): Promise<Date[]> {
    const rows =
      'username' in by
        ? await this.db.query<{ at: Date }>(
            `SELECT at FROM staff_audit WHERE username = $1 AND event = 'login_failed' AND at > $2
               AND at > COALESCE((SELECT max(at) FROM staff_audit WHERE username = $1 AND event = 'login_ok'), '-infinity')
             ORDER BY at DESC LIMIT $3`,
            [by.username, since, limit],
          )
        : await this.db.query<{ at: Date }>(
            `SELECT at FROM staff_audit WHERE ip = $1 AND event = 'login_failed' AND at > $2 ORDER BY at DESC LIMIT $3`,
            [by.ip, since, limit],
          );
    return rows.map((r) => r.at);
  }
}
