import {
  applicationName,
  maskName,
  parseIdNumber,
  progressPart,
  serviceCatalogue,
  shanghaiDate,
  type ApplicationProgress,
  type ApplicationStatus,
  type DepartmentKey,
  type PartKind,
  type PartStatus,
  type ProgressHistoryEntry,
  type ProgressResponse,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { IdentifyTokenInvalidError, NotFoundError } from '../errors/api-errors';
import type { IdentifyTokens } from '../identify/identify-tokens';
import type { ResidentRegistry } from '../registry/resident-registry';
import { verifyReceiptCode } from './receipt-codes';

interface ApplicationRow {
  id: number;
  application_no: string;
  service_key: string;
  status: ApplicationStatus;
  submitted_at: Date;
  applicant_name_enc: Buffer;
}

interface PartRow {
  application_id: number;
  part_no: number;
  service_key: string;
  department: string;
  kind: PartKind;
  status: PartStatus;
  updated_at: Date;
  visit_date: string | null;
  care_level: number | null;
  notice_ends_on: string | null;
}

interface EventRow {
  application_id: number;
  part_no: number;
  at: Date;
  to_status: PartStatus;
}

/** Which applications: a person's (as the principal) or one by its number. */
type Filter = 'a.resident_id = $1' | 'a.application_no = $1';

const selectApplications = (filter: Filter) =>
  `SELECT a.id, a.application_no, a.service_key, a.status, a.submitted_at, a.applicant_name_enc FROM applications a
   WHERE ${filter} ORDER BY a.submitted_at DESC, a.id DESC`;

// Dates as text: a JS Date would move them by the time zone.
const selectParts = (filter: Filter) => `SELECT p.application_id, p.part_no, p.service_key, p.department, p.kind, p.status,
  p.updated_at, p.visit_date::text AS visit_date, p.care_level, p.notice_ends_on::text AS notice_ends_on
  FROM application_parts p JOIN applications a ON a.id = p.application_id WHERE ${filter} ORDER BY p.application_id, p.part_no`;

// Statuses and dates only: who moved a part (an officer's name) and notes stay with the staff.
const selectEvents = (filter: Filter) => `SELECT e.application_id, e.part_no, e.at, e.to_status
  FROM application_part_events e JOIN applications a ON a.id = e.application_id WHERE ${filter} ORDER BY e.id`;

/**
 * 一体管理: every part of a person's applications in plain words with the date its next step is
 * due. Found by the person's identify token (all their applications as the senior, the
 * principal, 代办 included) or by a receipt's code (that one application).
 */
export class ProgressService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly registry: ResidentRegistry,
    private readonly tokens: IdentifyTokens,
    private readonly clock: () => Date,
  ) {}

  async forPerson(identifyToken: string): Promise<ProgressResponse> {
    const now = this.clock();
    const resolved = await this.tokens.resolve(this.db, identifyToken, now);
    if (!resolved) throw new IdentifyTokenInvalidError();
    const { subject } = resolved;
    // A person known only from their card joins the registry with their first application.
    const residentId =
      subject.residentId ?? (await this.registry.findByIdNumber(this.db, parseIdNumber(subject.card.idNumber).idNumber))?.id ?? null;
    if (residentId === null) return { asOf: shanghaiDate(now), applications: [] };
    return this.#response('a.resident_id = $1', residentId, now);
  }

  /** Throws NotFoundError for a code that is malformed, forged or of no stored application alike. */
  async forReceipt(code: string): Promise<ProgressResponse> {
    const now = this.clock();
    const applicationNo = verifyReceiptCode(this.protector, code);
    if (applicationNo === null) throw new NotFoundError('application');
    const response = await this.#response('a.application_no = $1', applicationNo, now);
    if (response.applications.length === 0) throw new NotFoundError('application');
    return response;
  }

  async #response(filter: Filter, param: number | string, now: Date): Promise<ProgressResponse> {
    const today = shanghaiDate(now);
    // Three reads; parts of an application submitted meanwhile are dropped by the filter below,
    // and a part moved meanwhile shows its newer status, which is still true.
    const rows = await this.db.query<ApplicationRow>(selectApplications(filter), [param]);
    const parts = await this.db.query<PartRow>(selectParts(filter), [param]);
    const events = await this.db.query<EventRow>(selectEvents(filter), [param]);
    const historyOf = new Map<string, ProgressHistoryEntry[]>();
    for (const e of events) {
      const key = `${e.application_id}:${e.part_no}`;
      const list = historyOf.get(key) ?? [];
      list.push({ on: shanghaiDate(e.at), status: e.to_status });
      historyOf.set(key, list);
    }
    const applications = rows.map((row): ApplicationProgress => ({
      applicationNo: row.application_no,
      serviceKey: row.service_key,
      serviceName: nameOf(row.service_key),
      status: row.status,
      submittedOn: shanghaiDate(row.submitted_at),
      applicantNameMasked: maskName(this.protector.decrypt(row.applicant_name_enc, 'application.applicant-name')),
      parts: parts
        .filter((p) => p.application_id === row.id)
        .map((p) =>
          progressPart(
            {
              partNo: p.part_no,
              serviceKey: p.service_key,
              department: p.department,
              departmentName: serviceCatalogue.departments[p.department as DepartmentKey] ?? { zh: p.department, en: p.department },
              kind: p.kind,
              status: p.status,
              visitDate: p.visit_date ?? undefined,
              careLevel: p.care_level,
              noticeEndsOn: p.notice_ends_on ?? undefined,
            },
            historyOf.get(`${row.id}:${p.part_no}`) ?? [],
            shanghaiDate(p.updated_at),
            today,
          ),
        ),
    }));
    return { asOf: today, applications };
  }
}

function nameOf(serviceKey: string): { zh: string; en: string } {
  try {
    return applicationName(serviceKey);
  } catch {
    return { zh: serviceKey, en: serviceKey };
  }
}
