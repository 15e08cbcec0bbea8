import type { SqlDatabase } from '../db/sql-database';

/** assistance: the person tapped 呼叫工作人员; printer-fault: a receipt waits for paper or a fix. */
export type HelpReason = 'assistance' | 'printer-fault';

export interface HelpRequest {
  id: number;
  kioskId: string;
  serviceKey: string | null;
  reason: HelpReason;
  /** A stable code such as PRINTER_PAPER_OUT; null for assistance. */
  detail: string | null;
  requestedAt: string;
}

export interface HelpRequestInput {
  kioskId: string;
  serviceKey: string | null;
  reason?: HelpReason;
  detail?: string | null;
}

interface HelpRequestRow {
  id: number;
  kiosk_id: string;
  service_key: string | null;
  reason: HelpReason;
  detail: string | null;
  requested_at: Date;
}

const COLUMNS = 'id, kiosk_id, service_key, reason, detail, requested_at';

const toView = (row: HelpRequestRow): HelpRequest => ({
  id: row.id,
  kioskId: row.kiosk_id,
  serviceKey: row.service_key,
  reason: row.reason,
  detail: row.detail,
  requestedAt: row.requested_at.toISOString(),
});

/**
 * A kiosk's 呼叫工作人员: recorded so that window terminals (and supervisors) see who is waiting
 * for help. A kiosk that asks again for the same reason while its request is open gets the same
 * request back; a printer fault and a person's call are separate requests.
 */
export class HelpRequests {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date,
  ) {}

  async request({ kioskId, serviceKey, reason = 'assistance', detail = null }: HelpRequestInput): Promise<HelpRequest> {
    return this.db.transaction(async (tx) => {
      const [open] = await tx.query<HelpRequestRow>(
        `SELECT ${COLUMNS} FROM help_requests WHERE kiosk_id = $1 AND reason = $2 AND resolved_at IS NULL ORDER BY id LIMIT 1`,
        [kioskId, reason],
      );
      if (open) return toView(open);
      const [row] = await tx.query<HelpRequestRow>(
        `INSERT INTO help_requests (kiosk_id, service_key, reason, detail, requested_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [kioskId, serviceKey, reason, detail, this.clock()],
      );
      return toView(row!);
    });
  }

  async open(): Promise<HelpRequest[]> {
    const rows = await this.db.query<HelpRequestRow>(
      `SELECT ${COLUMNS} FROM help_requests WHERE resolved_at IS NULL ORDER BY requested_at`,
    );
    return rows.map(toView);
  }
}
