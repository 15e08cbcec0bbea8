import type { DepartmentKey, WebhookDeliveryStatus, WebhookDeliveryView } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

interface DeliveryRow {
  id: string;
  kind: WebhookDeliveryView['kind'];
  application_no: string | null;
  part_no: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** A department's deliveries, newest first: what the supervisor (and ops) look at when a system is down. */
export async function listWebhookDeliveries(
  db: SqlDatabase,
  department: DepartmentKey,
  filter: { status?: WebhookDeliveryStatus; limit?: number },
): Promise<WebhookDeliveryView[]> {
  const rows = await db.query<DeliveryRow>(
    `SELECT d.*, a.application_no FROM webhook_deliveries d LEFT JOIN applications a ON a.id = d.application_id
     WHERE d.department = $1 AND ($2::text IS NULL OR d.status = $2) ORDER BY d.created_at DESC, d.id LIMIT $3`,
    [department, filter.status ?? null, filter.limit ?? 50],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    applicationNo: r.application_no ?? '',
    partNo: r.part_no,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    lastAttemptAt: iso(r.last_attempt_at),
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: iso(r.delivered_at),
    createdAt: r.created_at.toISOString(),
  }));
}
