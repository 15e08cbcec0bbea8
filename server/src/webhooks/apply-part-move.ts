import { addWorkingDays, canMovePart, isFinalPartStatus, isValidIsoDate, shanghaiDate, type PartKind, type PartStatus } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { PartMoveFactInvalidError, PartMoveRefusedError, PartStatusChangedError } from './part-move-errors';

/** A part as locked for a move. */
export interface LockedPart {
  applicationId: number;
  applicationNo: string;
  partNo: number;
  department: string;
  kind: PartKind;
  status: PartStatus;
  handledExternally: boolean;
}

export interface PartMove {
  to: PartStatus;
  /** The status the mover saw; a different current status is PART_STATUS_CHANGED. */
  expectedFrom?: PartStatus;
  /** A staff username, 'system' or 'external:<department>'. */
  actor: string;
  note?: string | null;
  visitDate?: string;
  careLevel?: number;
  at: Date;
}

/** The part with a row lock (FOR UPDATE) for the rest of the transaction, or null. */
export async function lockPart(tx: SqlDatabase, applicationNo: string, partNo: number): Promise<LockedPart | null> {
  const [row] = await tx.query<{
    application_id: number;
    department: string;
    kind: PartKind;
    status: PartStatus;
    handled_externally: boolean;
  }>(
    `SELECT p.application_id, p.department, p.kind, p.status, p.handled_externally
     FROM application_parts p JOIN applications a ON a.id = p.application_id
     WHERE a.application_no = $1 AND p.part_no = $2 FOR UPDATE OF p`,
    [applicationNo, partNo],
  );
  if (!row) return null;
  return {
    applicationId: row.application_id,
    applicationNo,
    partNo,
    department: row.department,
    kind: row.kind,
    status: row.status,
    handledExternally: row.handled_externally,
  };
}

/**
 * Moves a locked part the way canMovePart allows, records the history entry and brings the
 * application's status along ('in-progress' once a part moved, 'completed' once every part is
 * final). The facts a move needs are checked here: a visit date (today or later) for
 * visit-scheduled, a care level for assessed; public-notice sets the 5-working-day notice end.
 */
export async function applyPartMove(tx: SqlDatabase, part: LockedPart, move: PartMove): Promise<void> {
  if (move.expectedFrom !== undefined && move.expectedFrom !== part.status) throw new PartStatusChangedError(move.expectedFrom, part.status);
  if (!canMovePart(part.kind, part.status, move.to)) throw new PartMoveRefusedError(part.status, move.to);
  const today = shanghaiDate(move.at);
  let visitDate: string | null = null;
  let careLevel: number | null = null;
  let noticeEndsOn: string | null = null;
  if (move.to === 'visit-scheduled') {
    if (move.visitDate === undefined || !isValidIsoDate(move.visitDate)) throw new PartMoveFactInvalidError('/body/visitDate', 'a calendar date is required');
    if (move.visitDate < today) throw new PartMoveFactInvalidError('/body/visitDate', 'the visit date is in the past');
    visitDate = move.visitDate;
  }
  if (move.to === 'assessed') {
    if (move.careLevel === undefined) throw new PartMoveFactInvalidError('/body/careLevel', 'a care level 0–6 is required');
    careLevel = move.careLevel;
  }
  if (move.to === 'public-notice') noticeEndsOn = addWorkingDays(today, 5);

  await tx.query(
    `UPDATE application_parts SET status = $3, updated_at = $4, visit_date = COALESCE($5::date, visit_date),
       care_level = COALESCE($6::int, care_level), notice_ends_on = COALESCE($7::date, notice_ends_on)
     WHERE application_id = $1 AND part_no = $2`,
    [part.applicationId, part.partNo, move.to, move.at, visitDate, careLevel, noticeEndsOn],
  );
  await tx.query(
    `INSERT INTO application_part_events (application_id, part_no, at, actor, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [part.applicationId, part.partNo, move.at, move.actor, part.status, move.to, move.note ?? null],
  );
  const parts = await tx.query<{ kind: PartKind; status: PartStatus }>('SELECT kind, status FROM application_parts WHERE application_id = $1', [
    part.applicationId,
  ]);
  const status = parts.every((p) => isFinalPartStatus(p.kind, p.status)) ? 'completed' : 'in-progress';
  await tx.query('UPDATE applications SET status = $2 WHERE id = $1', [part.applicationId, status]);
}
