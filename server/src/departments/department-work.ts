import {
  applicationName,
  nextPartStatuses,
  PartKindSchema,
  PartStatusSchema,
  serviceCatalogue,
  type ApplicationView,
  type DepartmentKey,
  type DepartmentPart,
  type PartDetail,
  type PartHistoryEntry,
  type PartKind,
  type PartMoveRequest,
  type PartMoveResponse,
  type PartStatus,
  type WorklistQuery,
  type WorklistResponse,
} from '@eldercare/domain';
import { centreCondition, centreScopeOf, inCentreScope, type CentreScope } from '../centres/centre-scope';
import type { SqlDatabase } from '../db/sql-database';
import { NotFoundError } from '../errors/api-errors';
import type { StaffUser } from '../staff/staff-accounts';
import {
  DepartmentNotYoursError,
  DepartmentRequiredError,
  OfficerWithoutDepartmentError,
  PartHandledExternallyError,
  PartNotFoundError,
  PartNotYoursError,
} from './department-errors';
import { movePart } from './part-mover';

export type DepartmentActor = Pick<StaffUser, 'id' | 'username' | 'role' | 'department' | 'centreId'>;

interface PartRow {
  application_id: number;
  application_no: string;
  submitted_at: Date;
  part_no: number;
  service_key: string;
  department: DepartmentKey;
  kind: PartKind;
  status: PartStatus;
  updated_at: Date;
  handled_externally: boolean;
  visit_date: string | null;
  care_level: number | null;
  notice_ends_on: string | null;
  centre_id: string | null;
}

const PART_SELECT = `SELECT a.id AS application_id, a.application_no, a.submitted_at, p.part_no, p.service_key, p.department, p.kind,
  p.status, p.updated_at, p.handled_externally, p.visit_date::text AS visit_date, p.care_level, p.notice_ends_on::text AS notice_ends_on,
  a.centre_id
  FROM application_parts p JOIN applications a ON a.id = p.application_id`;

/** "kind:status" of every part that can still move, for the worklist's default filter. */
const OPEN_KIND_STATUSES = PartKindSchema.anyOf.flatMap((k) =>
  PartStatusSchema.anyOf
    .filter((s) => nextPartStatuses(k.const, s.const).length > 0)
    .map((s) => `${k.const}:${s.const}`),
);

function partView(row: PartRow): DepartmentPart {
  return {
    applicationNo: row.application_no,
    partNo: row.part_no,
    serviceKey: row.service_key,
    // A home-visit part is no catalogue service: applicationName names it (findService would throw, a 500).
    serviceName: applicationName(row.service_key),
    department: row.department,
    departmentName: serviceCatalogue.departments[row.department],
    kind: row.kind,
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    handledExternally: row.handled_externally,
    visitDate: row.visit_date,
    careLevel: row.care_level,
    noticeEndsOn: row.notice_ends_on,
    // An external system that took the part over moves it; officers only watch.
    nextStatuses: row.handled_externally ? [] : [...nextPartStatuses(row.kind, row.status)],
  };
}

/**
 * 分别办理 for officers: the worklist of their department, one part with its history (a read of
 * person data, audited with the reader's reason), and moves. Officers see their whole department
 * (every centre's applications); supervisors read any department, narrowed to their centre's
 * applications and those tied to no centre (centre-scope.ts).
 */
export class DepartmentWork {
  constructor(
    private readonly db: SqlDatabase,
    private readonly applicationView: (applicationNo: string) => Promise<ApplicationView | null>,
    private readonly clock: () => Date,
  ) {}

  async worklist(actor: DepartmentActor, query: WorklistQuery): Promise<WorklistResponse> {
    const department = departmentOf(actor, query.department);
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    // Without a status: every part that can still move (its "kind:status" is an open one).
    const filter = query.status === undefined ? `p.kind || ':' || p.status = ANY(string_to_array($2, ','))` : 'p.status = $2';
    const value = query.status ?? OPEN_KIND_STATUSES.join(',');
    const scope = scopeOf(actor);
    const inCentre = scope ? ` AND ${centreCondition('a.centre_id', scope, 3)}` : '';
    const where = [department, value, ...(scope ? [scope.centreId] : [])];
    const rows = await this.db.query<PartRow>(
      `${PART_SELECT} WHERE p.department = $1 AND ${filter}${inCentre} ORDER BY p.updated_at, a.id, p.part_no
       LIMIT $${where.length + 1} OFFSET $${where.length + 2}`,
      [...where, limit, offset],
    );
    const [count] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM application_parts p JOIN applications a ON a.id = p.application_id WHERE p.department = $1 AND ${filter}${inCentre}`,
      where,
    );
    return {
      department,
      departmentName: serviceCatalogue.departments[department],
      parts: rows.map(partView),
      total: count?.n ?? 0,
      limit,
      offset,
    };
  }

  /** One part, its history and the application's masked view; the read is in staff_audit before any person data is. */
  async read(actor: DepartmentActor, applicationNo: string, partNo: number, reason: string, ip: string | null): Promise<PartDetail> {
    const row = await this.#findVisible(this.db, actor, applicationNo, partNo);
    await this.db.query(
      `INSERT INTO staff_audit (at, event, username, user_id, ip, reason, application_id, part_no) VALUES ($1, 'person_read', $2, $3, $4, $5, $6, $7)`,
      [this.clock(), actor.username, actor.id, ip, reason.trim(), row.application_id, partNo],
    );
    const application = await this.applicationView(applicationNo);
    if (!application) throw new NotFoundError('application');
    return { part: partView(row), history: await history(this.db, row.application_id, partNo), application };
  }

  async move(actor: DepartmentActor, applicationNo: string, partNo: number, request: PartMoveRequest): Promise<PartMoveResponse> {
    const now = this.clock();
    return this.db.transaction(async (tx) => {
      const row = await this.#findVisible(tx, actor, applicationNo, partNo);
      if (row.handled_externally) throw new PartHandledExternallyError();
      const outcome = await movePart(tx, row.application_id, partNo, request, actor.username, now);
      const moved = await findPart(tx, applicationNo, partNo);
      return { part: partView(moved!), history: await history(tx, row.application_id, partNo), ...outcome };
    });
  }

  async #findVisible(db: SqlDatabase, actor: DepartmentActor, applicationNo: string, partNo: number): Promise<PartRow> {
    const row = await findPart(db, applicationNo, partNo);
    if (!row) throw new PartNotFoundError();
    if (actor.role === 'officer') {
      if (actor.department === null) throw new OfficerWithoutDepartmentError();
      if (row.department !== actor.department) throw new PartNotYoursError();
    }
    if (!inCentreScope(row.centre_id, scopeOf(actor))) throw new PartNotYoursError();
    return row;
  }
}

/** Officers keep their whole department; everyone else (supervisors) their centre. */
function scopeOf(actor: DepartmentActor): CentreScope {
  return actor.role === 'officer' ? null : centreScopeOf(actor);
}

/** Officers: their own department; supervisors: the one they name. */
function departmentOf(actor: DepartmentActor, requested: DepartmentKey | undefined): DepartmentKey {
  if (actor.role !== 'officer') {
    if (requested === undefined) throw new DepartmentRequiredError();
    return requested;
  }
  if (actor.department === null) throw new OfficerWithoutDepartmentError();
  if (requested !== undefined && requested !== actor.department) throw new DepartmentNotYoursError();
  return actor.department as DepartmentKey;
}

async function findPart(db: SqlDatabase, applicationNo: string, partNo: number): Promise<PartRow | undefined> {
  const [row] = await db.query<PartRow>(`${PART_SELECT} WHERE a.application_no = $1 AND p.part_no = $2`, [applicationNo, partNo]);
  return row;
}

async function history(db: SqlDatabase, applicationId: number, partNo: number): Promise<PartHistoryEntry[]> {
  const rows = await db.query<{ at: Date; actor: string; from_status: PartStatus | null; to_status: PartStatus; note: string | null }>(
    'SELECT at, actor, from_status, to_status, note FROM application_part_events WHERE application_id = $1 AND part_no = $2 ORDER BY id',
    [applicationId, partNo],
  );
  return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, fromStatus: r.from_status, toStatus: r.to_status, note: r.note }));
}
