import type { PartKind, PartStatus } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

export interface FoundPart {
  applicationId: number;
  department: string;
  kind: PartKind;
  status: PartStatus;
  handledExternally: boolean;
}

/**
 * A part by application number, with its application row locked (FOR UPDATE): the first lock of
 * movePart's order (application, then part), so checks made here (a replayed event, who handles
 * the part) still hold when the move runs in the same transaction.
 */
export async function findPartForMove(tx: SqlDatabase, applicationNo: string, partNo: number): Promise<FoundPart | null> {
  const [row] = await tx.query<{ application_id: number; department: string; kind: PartKind; status: PartStatus; handled_externally: boolean }>(
    `SELECT p.application_id, p.department, p.kind, p.status, p.handled_externally
     FROM applications a JOIN application_parts p ON p.application_id = a.id
     WHERE a.application_no = $1 AND p.part_no = $2 FOR UPDATE OF a`,
    [applicationNo, partNo],
  );
  if (!row) return null;
  return { applicationId: row.application_id, department: row.department, kind: row.kind, status: row.status, handledExternally: row.handled_externally };
}
