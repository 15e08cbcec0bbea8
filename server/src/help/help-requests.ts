import type { SqlDatabase } from '../db/sql-database';

export interface HelpRequest {
  id: number;
  kioskId: string;
  serviceKey: string | null;
  requestedAt: string;
}

interface HelpRequestRow {
  id: number;
  kiosk_id: string;
  service_key: string | null;
  requested_at: Date;
}

const toView = (row: HelpRequestRow): HelpRequest => ({
  id: row.id,
  kioskId: row.kiosk_id,
  serviceKey: row.service_key,
  requestedAt: row.requested_at.toISOString(),
});

/**
 * A kiosk's 呼叫工作人员: recorded so that window terminals (and supervisors) see who is waiting
 * for help. A kiosk that asks again while its request is open gets the same request back.
 */
export class HelpRequests {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date,
  ) {}

  async request(kioskId: string, serviceKey: string | null): Promise<HelpRequest> {
    return this.db.transaction(async (tx) => {
      const [open] = await tx.query<HelpRequestRow>(
        'SELECT id, kiosk_id, service_key, requested_at FROM help_requests WHERE kiosk_id = $1 AND resolved_at IS NULL ORDER BY id LIMIT 1',
        [kioskId],
      );
      if (open) return toView(open);
      const [row] = await tx.query<HelpRequestRow>(
        'INSERT INTO help_requests (kiosk_id, service_key, requested_at) VALUES ($1, $2, $3) RETURNING id, kiosk_id, service_key, requested_at',
        [kioskId, serviceKey, this.clock()],
      );
      return toView(row!);
    });
  }

  async open(): Promise<HelpRequest[]> {
    const rows = await this.db.query<HelpRequestRow>(
      'SELECT id, kiosk_id, service_key, requested_at FROM help_requests WHERE resolved_at IS NULL ORDER BY requested_at',
    );
    return rows.map(toView);
  }
}
