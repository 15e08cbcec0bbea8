import {
  addWorkingDays,
  addYears,
  canMovePart,
  isFinalPartStatus,
  shanghaiDate,
  translate,
  type ApplicationStatus,
  type PartKind,
  type PartStatus,
} from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import {
  CareLevelRequiredError,
  MoveFieldUnexpectedError,
  NoticePeriodRunningError,
  PartChangedError,
  PartMoveNotAllowedError,
  PartNotFoundError,
  VisitDateInPastError,
  VisitDateRequiredError,
} from './department-errors';

/** 评估公示: the assessment's conclusion is on public notice for this many working days. */
export const PUBLIC_NOTICE_WORKING_DAYS = 5;
/** A delivered assessment report is valid this long (期末评估 is offered near its end). */
export const ASSESSMENT_VALID_YEARS = 2;

export interface PartMove {
  /** The status the mover saw: a part moved meanwhile is refused (PART_CHANGED). */
  expectedStatus: PartStatus;
  to: PartStatus;
  note?: string;
  visitDate?: string;
  careLevel?: number;
}

export interface PartMoveOutcome {
  applicationStatus: ApplicationStatus;
  released: { partNo: number; status: PartStatus }[];
}

interface LockedPart {
  kind: PartKind;
  status: PartStatus;
  notice_ends_on: string | null;
  care_level: number | null;
}

/**
 * Moves one part of an application, inside the caller's transaction: THE rule is canMovePart;
 * the assessment's steps carry their facts (visit date, care level, notice end); every move writes
 * its history row (application_part_events) and the application's status follows its parts.
 * `actor` is a staff username, 'system' or 'external:<department>'; who may move which part is
 * the caller's business.
 */
export async function movePart(tx: SqlDatabase, applicationId: number, partNo: number, move: PartMove, actor: string, now: Date): Promise<PartMoveOutcome> {
  // Lock order: the application, then its part. One application's moves run one after another,
  // so its status is computed from parts nobody else is moving.
  const [application] = await tx.query<{ resident_id: number }>('SELECT resident_id FROM applications WHERE id = $1 FOR UPDATE', [applicationId]);
  const [part] = await tx.query<LockedPart>(
    `SELECT kind, status, notice_ends_on::text AS notice_ends_on, care_level FROM application_parts
     WHERE application_id = $1 AND part_no = $2 FOR UPDATE`,
    [applicationId, partNo],
  );
  if (!application || !part) throw new PartNotFoundError();
  if (part.status !== move.expectedStatus) throw new PartChangedError(part.status);
  if (!canMovePart(part.kind, part.status, move.to)) throw new PartMoveNotAllowedError(part.status, move.to);

  const today = shanghaiDate(now);
  const facts = checkFacts(part, move, today);
  await tx.query(
    `UPDATE application_parts SET status = $3, updated_at = $4,
       visit_date = COALESCE($5::date, visit_date), care_level = COALESCE($6::int, care_level), notice_ends_on = COALESCE($7::date, notice_ends_on)
     WHERE application_id = $1 AND part_no = $2`,
    [applicationId, partNo, move.to, now, facts.visitDate, facts.careLevel, facts.noticeEndsOn],
  );
  await recordEvent(tx, applicationId, partNo, now, actor, part.status, move.to, move.note ?? null);

  const released: PartMoveOutcome['released'] = [];
  if (move.to === 'report-delivered' && part.care_level !== null) {
    await deliverReport(tx, application.resident_id, part.care_level, today, now);
    const note = translate('zh-CN', 'departments.note.released', { level: part.care_level });
    released.push(...(await moveWaitingParts(tx, applicationId, 'submitted', note, now)));
  }
  if (part.kind === 'assessment' && move.to === 'rejected') {
    // Without a care level the subsidy and the care home cannot be decided: they end here too,
    // instead of waiting for a report that will never come.
    released.push(...(await moveWaitingParts(tx, applicationId, 'rejected', translate('zh-CN', 'departments.note.assessmentRejected'), now)));
  }
  return { applicationStatus: await settleApplicationStatus(tx, applicationId), released };
}

function checkFacts(part: LockedPart, move: PartMove, today: string): { visitDate: string | null; careLevel: number | null; noticeEndsOn: string | null } {
  if (move.visitDate !== undefined && move.to !== 'visit-scheduled') throw new MoveFieldUnexpectedError('visitDate');
  if (move.careLevel !== undefined && move.to !== 'assessed') throw new MoveFieldUnexpectedError('careLevel');
  switch (move.to) {
    case 'visit-scheduled':
      if (move.visitDate === undefined) throw new VisitDateRequiredError();
      if (move.visitDate < today) throw new VisitDateInPastError();
      return { visitDate: move.visitDate, careLevel: null, noticeEndsOn: null };
    case 'assessed':
      if (move.careLevel === undefined) throw new CareLevelRequiredError();
      return { visitDate: null, careLevel: move.careLevel, noticeEndsOn: null };
    case 'public-notice':
      return { visitDate: null, careLevel: null, noticeEndsOn: addWorkingDays(today, PUBLIC_NOTICE_WORKING_DAYS) };
    case 'report-delivered':
      // The notice runs to the end of its last day; the report goes out after it.
      if (part.notice_ends_on !== null && today <= part.notice_ends_on) throw new NoticePeriodRunningError(part.notice_ends_on);
      return { visitDate: null, careLevel: null, noticeEndsOn: null };
    default:
      return { visitDate: null, careLevel: null, noticeEndsOn: null };
  }
}

async function recordEvent(
  tx: SqlDatabase,
  applicationId: number,
  partNo: number,
  at: Date,
  actor: string,
  from: PartStatus,
  to: PartStatus,
  note: string | null,
): Promise<void> {
  await tx.query(
    'INSERT INTO application_part_events (application_id, part_no, at, actor, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [applicationId, partNo, at, actor, from, to, note],
  );
}

/** The registry learns the conclusion: care level and until when it holds. */
async function deliverReport(tx: SqlDatabase, residentId: number, careLevel: number, today: string, now: Date): Promise<void> {
  await tx.query('UPDATE residents SET care_level = $2, assessment_valid_until = $3::date, updated_at = $4 WHERE id = $1', [
    residentId,
    careLevel,
    addYears(today, ASSESSMENT_VALID_YEARS),
    now,
  ]);
}

/**
 * Parts that waited for this assessment (subsidy, care home) go on: to their departments when the
 * report is out ('submitted'), or end with it when it was rejected ('rejected'). The note is
 * stored once, in the language officers work in.
 */
async function moveWaitingParts(tx: SqlDatabase, applicationId: number, to: PartStatus, note: string, now: Date): Promise<PartMoveOutcome['released']> {
  const waiting = await tx.query<{ part_no: number; kind: PartKind }>(
    `SELECT part_no, kind FROM application_parts WHERE application_id = $1 AND status = 'waiting-for-assessment' ORDER BY part_no FOR UPDATE`,
    [applicationId],
  );
  const moved: PartMoveOutcome['released'] = [];
  for (const { part_no: partNo, kind } of waiting) {
    if (!canMovePart(kind, 'waiting-for-assessment', to)) continue;
    await tx.query(`UPDATE application_parts SET status = $3, updated_at = $4 WHERE application_id = $1 AND part_no = $2`, [applicationId, partNo, to, now]);
    await recordEvent(tx, applicationId, partNo, now, 'system', 'waiting-for-assessment', to, note);
    moved.push({ partNo, status: to });
  }
  return moved;
}

/** 'completed' once every part is final, else 'in-progress' (a part has moved). */
async function settleApplicationStatus(tx: SqlDatabase, applicationId: number): Promise<ApplicationStatus> {
  const parts = await tx.query<{ kind: PartKind; status: PartStatus }>('SELECT kind, status FROM application_parts WHERE application_id = $1', [applicationId]);
  const status: ApplicationStatus = parts.every((p) => isFinalPartStatus(p.kind, p.status)) ? 'completed' : 'in-progress';
  await tx.query('UPDATE applications SET status = $2 WHERE id = $1', [applicationId, status]);
  return status;
}
