import type { HelpReason, HelpRequest, HelpRequestBody, QueueEventBody } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { StaffCentreForbiddenError } from '../queue/window-errors';
import { appendQueueEvent } from '../realtime/append-queue-event';
import type { StaffUser } from '../staff/staff-accounts';
import { HelpRequestAlreadyResolvedError, HelpRequestNotFoundError } from './help-errors';

/** Who closes a request: a logged-in staff member or supervisor. */
export type HelpResolver = Pick<StaffUser, 'username' | 'centreId'>;

interface HelpRequestRow {
  id: number;
  kiosk_id: string;
  centre_id: string | null;
  service_key: string | null;
  reason: HelpReason;
  detail: string | null;
  requested_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
}

const COLUMNS = 'id, kiosk_id, centre_id, service_key, reason, detail, requested_at, resolved_at, resolved_by';

const toView = (row: HelpRequestRow): HelpRequest => ({
  id: row.id,
  kioskId: row.kiosk_id,
  centreId: row.centre_id,
  serviceKey: row.service_key,
  reason: row.reason,
  detail: row.detail,
  requestedAt: row.requested_at.toISOString(),
  resolvedAt: row.resolved_at?.toISOString() ?? null,
  resolvedBy: row.resolved_by,
});

/** The public event body: which request, kiosk and reason; nothing about the person. */
const eventOf = (type: 'help.requested' | 'help.resolved', row: HelpRequestRow): QueueEventBody => ({
  type,
  requestId: row.id,
  kioskId: row.kiosk_id,
  reason: row.reason,
  detail: row.detail,
});

/**
 * A kiosk's 呼叫工作人员 (or printer fault), recorded so the windows of its centre see who waits
 * for help, until a clerk marks it 已处理. A kiosk that asks again for the same reason while its
 * request is open gets that request back; after it is resolved the next call is a new request.
 * A new request of a known centre, and every resolve, appends a queue event in the same
 * transaction, so every window of the centre updates live.
 */
export class HelpRequests {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date,
  ) {}

  async request({ kioskId, serviceKey, reason = 'assistance', detail = null, centreId }: HelpRequestBody): Promise<HelpRequest> {
    return this.db.transaction(async (tx) => {
      // One open request per kiosk and reason, also when a kiosk's calls race each other.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('help_requests:' || $1))", [kioskId]);
      const [open] = await tx.query<HelpRequestRow>(
        `SELECT ${COLUMNS} FROM help_requests WHERE kiosk_id = $1 AND reason = $2 AND resolved_at IS NULL ORDER BY id LIMIT 1`,
        [kioskId, reason],
      );
      if (open) return toView(open);
      // A centre the server does not know (a mistyped ?centre=) must not lose a senior's call:
      // the request is kept without a centre, where every centre's windows see it.
      const [known] = centreId === undefined ? [] : await tx.query<{ id: string }>('SELECT id FROM centres WHERE id = $1', [centreId]);
      const now = this.clock();
      const [row] = await tx.query<HelpRequestRow>(
        `INSERT INTO help_requests (kiosk_id, centre_id, service_key, reason, detail, requested_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [kioskId, known?.id ?? null, serviceKey, reason, detail, now],
      );
      if (row!.centre_id !== null) await appendQueueEvent(tx, row!.centre_id, eventOf('help.requested', row!), now);
      return toView(row!);
    });
  }

  /** Every open request, oldest first (the kiosks' public list). */
  async open(): Promise<HelpRequest[]> {
    const rows = await this.db.query<HelpRequestRow>(
      `SELECT ${COLUMNS} FROM help_requests WHERE resolved_at IS NULL ORDER BY requested_at, id`,
    );
    return rows.map(toView);
  }

  /** A centre's open requests and those tied to no centre, oldest first. */
  async openFor(centreId: string): Promise<HelpRequest[]> {
    const rows = await this.db.query<HelpRequestRow>(
      `SELECT ${COLUMNS} FROM help_requests WHERE resolved_at IS NULL AND (centre_id = $1 OR centre_id IS NULL) ORDER BY requested_at, id`,
      [centreId],
    );
    return rows.map(toView);
  }

  /**
   * 已处理: staff of the request's centre close it; one tied to no centre any centre's staff may
   * close (the event then goes to the closing clerk's centre). A request of another centre is
   * 403 even when resolved, so nothing about it leaks.
   */
  async resolve(actor: HelpResolver, id: number): Promise<HelpRequest> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<HelpRequestRow>(`SELECT ${COLUMNS} FROM help_requests WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw new HelpRequestNotFoundError(id);
      const centreId = row.centre_id ?? actor.centreId;
      if (centreId === null || actor.centreId !== centreId) throw new StaffCentreForbiddenError();
      if (row.resolved_at !== null) throw new HelpRequestAlreadyResolvedError(id, row.resolved_by);
      const now = this.clock();
      const [resolved] = await tx.query<HelpRequestRow>(
        `UPDATE help_requests SET resolved_at = $2, resolved_by = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, now, actor.username],
      );
      // A staff account may name a centre that has no queue (yet): then there is no stream to tell.
      const [hasQueue] = row.centre_id !== null ? [true] : await tx.query('SELECT 1 FROM centres WHERE id = $1', [centreId]);
      if (hasQueue) await appendQueueEvent(tx, centreId, eventOf('help.resolved', resolved!), now);
      return toView(resolved!);
    });
  }
}
