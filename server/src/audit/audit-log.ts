import { addDays, maskIdNumber, type AuditEntry, type AuditEvent, type AuditQuery } from '@eldercare/domain';
import { centreCondition, type CentreScope } from '../centres/centre-scope';
import type { SqlDatabase, SqlParam } from '../db/sql-database';

export const AUDIT_PAGE_SIZE_DEFAULT = 50;

interface AuditRow {
  id: string;
  at: Date;
  event: AuditEvent;
  username: string;
  display_name: string | null;
  role: string | null;
  ip: string | null;
  reason: string | null;
  ticket_no: string | null;
  application_no: string | null;
  part_no: number | null;
}

/**
 * A failed login records whatever was typed as the username, which may be an ID number or a
 * phone number: runs of six or more digits are masked like an ID number.
 */
export function safeUsername(username: string): string {
  return username.replace(/\d{6,}[\dXx]?/g, (digits) => maskIdNumber(digits));
}

/** Start of a Shanghai day as an instant (UTC+8, no DST). */
function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

/**
 * Reads staff_audit for the viewer: filtered, newest first, with the ticket / application it
 * concerns. A supervisor's scope is their centre: rows of its staff, officers' reads of its
 * applications, and rows of no centre (staff_audit.centre_id, filled by a trigger: 0015).
 */
export class AuditLog {
  constructor(private readonly db: SqlDatabase) {}

  #where(filter: AuditFilter, scope: CentreScope): { sql: string; params: SqlParam[] } {
    const conditions: string[] = [];
    const params: SqlParam[] = [];
    const add = (condition: string, value: SqlParam) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (filter.from) add('s.at >= ?', shanghaiMidnight(filter.from));
    if (filter.to) add('s.at < ?', shanghaiMidnight(addDays(filter.to, 1)));
    if (filter.username) add('s.username = ?', filter.username);
    if (filter.event) add('s.event = ?', filter.event);
    if (scope) conditions.push(centreCondition('s.centre_id', scope, params.push(scope.centreId))!);
    return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
  }

  async page(filter: AuditFilter, scope: CentreScope, page: number, pageSize: number): Promise<{ entries: AuditEntry[]; total: number }> {
    const where = this.#where(filter, scope);
    const [count] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM staff_audit s ${where.sql}`, where.params);
    const entries = await this.#rows(where, pageSize, (page - 1) * pageSize);
    return { entries, total: count?.total ?? 0 };
  }

  /** Every matching row up to `limit`, newest first (for the CSV). */
  all(filter: AuditFilter, scope: CentreScope, limit: number): Promise<AuditEntry[]> {
    return this.#rows(this.#where(filter, scope), limit, 0);
  }

  async #rows(where: { sql: string; params: SqlParam[] }, limit: number, offset: number): Promise<AuditEntry[]> {
    const n = where.params.length;
    const rows = await this.db.query<AuditRow>(
      `SELECT s.id::text AS id, s.at, s.event, s.username, u.display_name, u.role, s.ip, s.reason, t.ticket_no, a.application_no, s.part_no
       FROM staff_audit s
       LEFT JOIN staff_users u ON u.id = s.user_id
       LEFT JOIN tickets t ON t.id = s.ticket_id
       LEFT JOIN applications a ON a.id = s.application_id
       ${where.sql}
       ORDER BY s.at DESC, s.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...where.params, limit, offset],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      event: r.event,
      username: safeUsername(r.username),
      displayName: r.display_name,
      role: r.role,
      ip: r.ip,
      reason: r.reason,
      ticketNo: r.ticket_no,
      applicationNo: r.application_no,
      partNo: r.part_no,
    }));
  }
}
