import {
  maskAddress,
  maskName,
  maskPhone,
  nextPartStatuses,
  type HomeVisitDetail,
  type HomeVisitFilter,
  type HomeVisitMoved,
  type HomeVisitMoveRequest,
  type HomeVisitSummary,
  type PartStatus,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { centreCondition, centreScopeOf, inCentreScope } from '../centres/centre-scope';
import type { StaffUser } from '../staff/staff-accounts';
import { PartHandledExternallyError } from '../departments/department-errors';
import { movePart } from '../departments/part-mover';
import { findPartForMove } from '../webhooks/find-part';
import { HomeVisitNotFoundError } from './home-visit-errors';

const FILTERS: Record<HomeVisitFilter, readonly PartStatus[] | null> = {
  open: ['submitted', 'visit-scheduled'],
  scheduled: ['visit-scheduled'],
  done: ['completed', 'rejected'],
  all: null,
};

interface VisitRow {
  application_id: number;
  application_no: string;
  part_no: number;
  status: PartStatus;
  answers: { reason: HomeVisitSummary['reason']; period: HomeVisitSummary['period']; services: string[] };
  visit_date: string | null;
  submitted_at: Date;
  handled_externally: boolean;
}

const VISIT_COLUMNS = `a.id AS application_id, a.application_no, p.part_no, p.status, a.answers, p.visit_date::text AS visit_date, a.submitted_at,
  p.handled_externally`;

/** A part's history, oldest first: statuses, actors (usernames) and notes, nothing personal. */
async function historyOf(tx: SqlDatabase, applicationId: number, partNo: number): Promise<HomeVisitMoved['history']> {
  const rows = await tx.query<{ at: Date; actor: string; from_status: PartStatus | null; to_status: PartStatus; note: string | null }>(
    'SELECT at, actor, from_status, to_status, note FROM application_part_events WHERE application_id = $1 AND part_no = $2 ORDER BY id',
    [applicationId, partNo],
  );
  return rows.map((h) => ({ at: h.at.toISOString(), actor: h.actor, from: h.from_status, to: h.to_status, note: h.note }));
}

function summary(row: VisitRow): HomeVisitSummary {
  return {
    applicationNo: row.application_no,
    partNo: row.part_no,
    status: row.status,
    reason: row.answers.reason,
    period: row.answers.period,
    services: row.answers.services,
    visitDate: row.visit_date,
    submittedAt: row.submitted_at.toISOString(),
    handledExternally: row.handled_externally,
    nextStatuses: row.handled_externally ? [] : [...nextPartStatuses('home-visit', row.status)],
  };
}

/**
 * 上门办 for the centre: the home-visit parts (created by the home-visit service for the street
 * office), scheduled and completed by staff through canMovePart like any other part. Only the
 * detail shows the person, masked, and it is audited before anything is decrypted.
 */
export class HomeVisits {
  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly clock: () => Date,
  ) {}

  /** Oldest first: whoever has waited longest is visited first. The viewer's centre only (centre-scope.ts). */
  async list(filter: HomeVisitFilter, viewer: Pick<StaffUser, 'centreId'>): Promise<HomeVisitSummary[]> {
    const statuses = FILTERS[filter];
    const scope = centreScopeOf(viewer);
    const conditions = ["p.kind = 'home-visit'"];
    const params: string[] = [];
    if (statuses) conditions.push(`p.status = ANY($${params.push(`{${statuses.join(',')}}`)}::text[])`);
    if (scope) conditions.push(centreCondition('a.centre_id', scope, params.push(scope.centreId))!);
    const rows = await this.db.query<VisitRow>(
      `SELECT ${VISIT_COLUMNS} FROM application_parts p JOIN applications a ON a.id = p.application_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY a.submitted_at, a.id, p.part_no LIMIT 500`,
      params,
    );
    return rows.map(summary);
  }

  async detail(applicationNo: string, partNo: number, reader: StaffUser, reason: string, ip: string | null): Promise<HomeVisitDetail> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<
        VisitRow & {
          name_enc: Buffer;
          phone_enc: Buffer | null;
          address_enc: Buffer;
          proxy_name_enc: Buffer | null;
          proxy_relationship: string | null;
          centre_id: string | null;
        }
      >(
        `SELECT ${VISIT_COLUMNS}, a.applicant_name_enc AS name_enc, a.phone_enc, r.address_enc, a.proxy_name_enc, a.proxy_relationship, a.centre_id
         FROM application_parts p JOIN applications a ON a.id = p.application_id JOIN residents r ON r.id = a.resident_id
         WHERE a.application_no = $1 AND p.part_no = $2 AND p.kind = 'home-visit'`,
        [applicationNo, partNo],
      );
      // Another centre's visit is not found: its existence is not the reader's business either.
      if (!row || !inCentreScope(row.centre_id, centreScopeOf(reader))) throw new HomeVisitNotFoundError();
      // Written in the same transaction as the read: no read without its audit row.
      await tx.query(
        `INSERT INTO staff_audit (at, event, username, user_id, ip, reason, application_id, part_no) VALUES ($1, 'person_read', $2, $3, $4, $5, $6, $7)`,
        [this.clock(), reader.username, reader.id, ip, reason.trim(), row.application_id, partNo],
      );
      const history = await historyOf(tx, row.application_id, partNo);
      const p = this.protector;
      const proxyName = p.decryptOptional(row.proxy_name_enc, 'application.proxy-name');
      const phone = p.decryptOptional(row.phone_enc, 'application.phone');
      return {
        visit: summary(row),
        person: {
          name: maskName(p.decrypt(row.name_enc, 'application.applicant-name')),
          phone: phone === null ? null : maskPhone(phone),
          address: maskAddress(p.decrypt(row.address_enc, 'resident.address')),
          proxyName: proxyName === null ? null : maskName(proxyName),
          proxyRelationship: row.proxy_relationship,
        },
        history,
      };
    });
  }

  /** Schedule (or move to another day), complete, or decline a visit; the history names the staff member. */
  async move(applicationNo: string, partNo: number, request: HomeVisitMoveRequest, mover: StaffUser): Promise<HomeVisitMoved> {
    return this.db.transaction(async (tx) => {
      const part = await findPartForMove(tx, applicationNo, partNo);
      if (!part || part.kind !== 'home-visit') throw new HomeVisitNotFoundError();
      const [application] = await tx.query<{ centre_id: string | null }>('SELECT centre_id FROM applications WHERE id = $1', [part.applicationId]);
      if (!inCentreScope(application!.centre_id, centreScopeOf(mover))) throw new HomeVisitNotFoundError();
      if (part.handledExternally) throw new PartHandledExternallyError();
      const note = request.note?.trim();
      await movePart(
        tx,
        part.applicationId,
        partNo,
        { expectedStatus: request.from, to: request.to, ...(note && { note }), ...(request.visitDate !== undefined && { visitDate: request.visitDate }) },
        mover.username,
        this.clock(),
      );
      const [row] = await tx.query<VisitRow>(
        `SELECT ${VISIT_COLUMNS} FROM application_parts p JOIN applications a ON a.id = p.application_id WHERE p.application_id = $1 AND p.part_no = $2`,
        [part.applicationId, partNo],
      );
      return { visit: summary(row!), history: await historyOf(tx, part.applicationId, partNo) };
    });
  }
}
