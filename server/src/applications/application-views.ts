import {
  findService,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  serviceCatalogue,
  type AllowanceChannel,
  type ApplicationStatus,
  type ApplicationView,
  type DepartmentKey,
  type PartKind,
  type PartStatus,
  type SeniorCardDelivery,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';

/** Answers kept in clear: nothing personal. */
export interface StoredAnswers {
  channel?: AllowanceChannel;
  previousChannel?: AllowanceChannel | null;
  delivery?: SeniorCardDelivery;
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
}

interface PartRow {
  part_no: number;
  service_key: string;
  department: DepartmentKey;
  kind: PartKind;
  status: PartStatus;
  updated_at: Date;
  handled_externally: boolean;
}

const SELECT = `SELECT id, application_no, service_key, status, submitted_at, applicant_name_enc, applicant_id_number_enc,
  answers, phone_enc, mailing_address_enc, catalogue_version FROM applications`;

/** Reads applications back as the masked view the kiosk, receipt and progress page see. */
export class ApplicationViews {
  constructor(private readonly protector: DataProtector) {}

  async byId(db: SqlDatabase, id: number): Promise<ApplicationView | null> {
    const [row] = await db.query<ApplicationRow>(`${SELECT} WHERE id = $1`, [id]);
    return row ? this.#view(db, row) : null;
  }

  async byNumber(db: SqlDatabase, applicationNo: string): Promise<ApplicationView | null> {
    const [row] = await db.query<ApplicationRow>(`${SELECT} WHERE application_no = $1`, [applicationNo]);
    return row ? this.#view(db, row) : null;
  }

  async #view(db: SqlDatabase, row: ApplicationRow): Promise<ApplicationView> {
    const p = this.protector;
    const parts = await db.query<PartRow>(
      'SELECT part_no, service_key, department, kind, status, updated_at, handled_externally FROM application_parts WHERE application_id = $1 ORDER BY part_no',
      [row.id],
    );
    const answers: ApplicationView['answers'] = {};
    if (row.answers.channel !== undefined) answers.channel = row.answers.channel;
    if (row.answers.previousChannel !== undefined) answers.previousChannel = row.answers.previousChannel;
    if (row.phone_enc) answers.phoneMasked = maskPhone(p.decrypt(row.phone_enc, 'application.phone'));
    if (row.answers.delivery !== undefined) answers.delivery = row.answers.delivery;
    if (row.mailing_address_enc) {
      answers.mailingAddressMasked = maskAddress(p.decrypt(row.mailing_address_enc, 'application.mailing-address'));
    }
    return {
      applicationNo: row.application_no,
      serviceKey: row.service_key,
      serviceName: findService(row.service_key).name,
      status: row.status,
      submittedAt: row.submitted_at.toISOString(),
      applicantNameMasked: maskName(p.decrypt(row.applicant_name_enc, 'application.applicant-name')),
      idNumberMasked: maskIdNumber(p.decrypt(row.applicant_id_number_enc, 'application.applicant-id-number')),
      answers,
      parts: parts.map((part) => ({
        partNo: part.part_no,
        serviceKey: part.service_key,
        department: part.department,
        departmentName: serviceCatalogue.departments[part.department],
        kind: part.kind,
        status: part.status,
        updatedAt: part.updated_at.toISOString(),
        handledExternally: part.handled_externally,
      })),
      details: [],
      catalogueVersion: row.catalogue_version,
    };
  }
}
