import {
  applicationName,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  serviceCatalogue,
  type AllowanceChannel,
  type ApplicationPart,
  type ApplicationStatus,
  type ApplicationView,
  type DepartmentKey,
  type PartKind,
  type PartStatus,
  type ProxyRelationship,
  type SeniorCardDelivery,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { receiptCodeFor } from '../progress/receipt-codes';
import { applierFor, appliers as defaultAppliers, type ApplierMap } from './appliers';

/** Answers kept in clear: nothing personal. The first two services' fields are read by name. */
export interface StoredAnswers {
  channel?: AllowanceChannel;
  previousChannel?: AllowanceChannel | null;
  delivery?: SeniorCardDelivery;
  [field: string]: unknown;
}

interface ApplicationRow {
  id: number;
  application_no: string;
  service_key: string;
  status: ApplicationStatus;
  submitted_at: Date;
  applicant_name_enc: Buffer;
  applicant_id_number_enc: Buffer;
  answers: StoredAnswers;
  phone_enc: Buffer | null;
  mailing_address_enc: Buffer | null;
  catalogue_version: string;
  private_answers_enc: Buffer | null;
  result: Record<string, unknown>;
  proxy_name_enc: Buffer | null;
  proxy_id_number_enc: Buffer | null;
  proxy_relationship: ProxyRelationship | null;
}

interface PartRow {
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
}

const SELECT = `SELECT id, application_no, service_key, status, submitted_at, applicant_name_enc, applicant_id_number_enc,
  answers, phone_enc, mailing_address_enc, catalogue_version, private_answers_enc, result,
  proxy_name_enc, proxy_id_number_enc, proxy_relationship FROM applications`;

// Dates as text: a JS Date would move them by the time zone.
const SELECT_PARTS = `SELECT part_no, service_key, department, kind, status, updated_at, handled_externally,
  visit_date::text AS visit_date, care_level, notice_ends_on::text AS notice_ends_on
  FROM application_parts WHERE application_id = $1 ORDER BY part_no`;

/** Reads applications back as the masked view the kiosk, receipt and progress page see. */
export class ApplicationViews {
  constructor(
    private readonly protector: DataProtector,
    private readonly appliers: ApplierMap = defaultAppliers,
  ) {}

  /** With the receipt code: for the submit response, from which the kiosk prints the receipt. */
  async byId(db: SqlDatabase, id: number): Promise<ApplicationView | null> {
    const [row] = await db.query<ApplicationRow>(`${SELECT} WHERE id = $1`, [id]);
    return row ? withReceiptCode(await this.#view(db, row), this.protector) : null;
  }

  /** Without the receipt code: a guessable number must not give the code that shows the progress. */
  async byNumber(db: SqlDatabase, applicationNo: string): Promise<ApplicationView | null> {
    const [row] = await db.query<ApplicationRow>(`${SELECT} WHERE application_no = $1`, [applicationNo]);
    return row ? this.#view(db, row) : null;
  }

  async #view(db: SqlDatabase, row: ApplicationRow): Promise<ApplicationView> {
    const p = this.protector;
    const parts = await db.query<PartRow>(SELECT_PARTS, [row.id]);
    const answers: ApplicationView['answers'] = {};
    if (row.answers.channel !== undefined) answers.channel = row.answers.channel;
    if (row.answers.previousChannel !== undefined) answers.previousChannel = row.answers.previousChannel;
    if (row.phone_enc) answers.phoneMasked = maskPhone(p.decrypt(row.phone_enc, 'application.phone'));
    if (row.answers.delivery !== undefined) answers.delivery = row.answers.delivery;
    if (row.mailing_address_enc) {
      answers.mailingAddressMasked = maskAddress(p.decrypt(row.mailing_address_enc, 'application.mailing-address'));
    }
    const privateAnswers = row.private_answers_enc
      ? (JSON.parse(p.decrypt(row.private_answers_enc, 'application.private-answers')) as Record<string, unknown>)
      : null;
    const details = applierFor(this.appliers, row.service_key)?.describe({ answers: row.answers, privateAnswers, result: row.result }) ?? [];
    const view: ApplicationView = {
      applicationNo: row.application_no,
      serviceKey: row.service_key,
      serviceName: applicationName(row.service_key),
      status: row.status,
      submittedAt: row.submitted_at.toISOString(),
      applicantNameMasked: maskName(p.decrypt(row.applicant_name_enc, 'application.applicant-name')),
      idNumberMasked: maskIdNumber(p.decrypt(row.applicant_id_number_enc, 'application.applicant-id-number')),
      answers,
      details,
      parts: parts.map(partView),
      catalogueVersion: row.catalogue_version,
    };
    if (row.proxy_relationship && row.proxy_name_enc && row.proxy_id_number_enc) {
      view.proxy = {
        nameMasked: maskName(p.decrypt(row.proxy_name_enc, 'application.proxy-name')),
        idNumberMasked: maskIdNumber(p.decrypt(row.proxy_id_number_enc, 'application.proxy-id-number')),
        relationship: row.proxy_relationship,
      };
    }
    return view;
  }
}

function withReceiptCode(view: ApplicationView, protector: DataProtector): ApplicationView {
  return { ...view, receiptCode: receiptCodeFor(protector, view.applicationNo) };
}

function partView(part: PartRow): ApplicationPart {
  const view: ApplicationPart = {
    partNo: part.part_no,
    serviceKey: part.service_key,
    department: part.department,
    departmentName: serviceCatalogue.departments[part.department],
    kind: part.kind,
    status: part.status,
    updatedAt: part.updated_at.toISOString(),
    handledExternally: part.handled_externally,
  };
  if (part.visit_date !== null) view.visitDate = part.visit_date;
  if (part.care_level !== null) view.careLevel = part.care_level;
  if (part.notice_ends_on !== null) view.noticeEndsOn = part.notice_ends_on;
  return view;
}
