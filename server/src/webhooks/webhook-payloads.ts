import { maskIdNumber, maskName, type DepartmentKey, type PartKind, type PartStatus, type WebhookDeliveryKind, type WebhookPayload } from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';

export interface DeliverySource {
  id: string;
  kind: WebhookDeliveryKind;
  applicationId: number;
  partNo: number;
  partEventId: number | null;
}

interface PayloadRow {
  application_no: string;
  submitted_at: Date;
  applicant_name_enc: Buffer;
  applicant_id_number_enc: Buffer;
  service_key: string;
  department: DepartmentKey;
  kind: PartKind;
  status: PartStatus;
  handled_externally: boolean;
  visit_date: string | null;
  care_level: number | null;
  at: Date | null;
  actor: string | null;
  from_status: PartStatus | null;
  to_status: PartStatus | null;
}

/**
 * The body of one delivery, composed when it is sent from rows that do not change (the history
 * entry) and the part's facts. The entry's note is left out: it is free text and may name people.
 * Null when the part is gone (the application was deleted).
 */
export async function composeWebhookPayload(
  db: SqlDatabase,
  protector: DataProtector,
  source: DeliverySource,
  personalData: boolean,
): Promise<WebhookPayload | null> {
  const [row] = await db.query<PayloadRow>(
    `SELECT a.application_no, a.submitted_at, a.applicant_name_enc, a.applicant_id_number_enc, p.service_key, p.department, p.kind,
       p.status, p.handled_externally, p.visit_date::text AS visit_date, p.care_level, e.at, e.actor, e.from_status, e.to_status
     FROM application_parts p JOIN applications a ON a.id = p.application_id
     LEFT JOIN application_part_events e ON e.id = COALESCE($3::bigint,
       (SELECT min(f.id) FROM application_part_events f WHERE f.application_id = p.application_id AND f.part_no = p.part_no))
     WHERE p.application_id = $1 AND p.part_no = $2`,
    [source.applicationId, source.partNo, source.partEventId],
  );
  if (!row) return null;
  const entry = row.at && row.actor && row.to_status ? { at: row.at.toISOString(), actor: row.actor, from: row.from_status, to: row.to_status } : null;
  return {
    deliveryId: source.id,
    type: source.kind,
    applicationNo: row.application_no,
    partNo: source.partNo,
    serviceKey: row.service_key,
    department: row.department,
    kind: row.kind,
    status: entry?.to ?? row.status,
    handledExternally: row.handled_externally,
    visitDate: row.visit_date,
    careLevel: row.care_level,
    submittedAt: row.submitted_at.toISOString(),
    entry,
    ...(personalData && {
      applicant: {
        name: maskName(protector.decrypt(row.applicant_name_enc, 'application.applicant-name')),
        idNumber: maskIdNumber(protector.decrypt(row.applicant_id_number_enc, 'application.applicant-id-number')),
      },
    }),
  };
}
