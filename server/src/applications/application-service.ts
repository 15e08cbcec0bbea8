import { randomUUID } from 'node:crypto';
import {
  evaluateService,
  findService,
  parseIdNumber,
  serviceCatalogue,
  shanghaiDate,
  type ApplicationRequest,
  type ApplicationStatus,
  type ApplicationView,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { AlreadyChosenError, IdempotencyKeyReusedError, IdentifyTokenInvalidError, NotEligibleError } from '../errors/api-errors';
import { toEligibilityView } from '../identify/eligibility-views';
import type { IdentifyTokens, TokenSubject } from '../identify/identify-tokens';
import { personFactsForResident } from '../identify/person-facts-for';
import type { ResidentRecord } from '../registry/resident-record';
import type { ResidentRegistry } from '../registry/resident-registry';
import type { ApplicationViews, StoredAnswers } from './application-views';
import { idempotencyKeys, requestHash } from './idempotency-keys';
import { nextApplicationNo } from './next-application-no';

export interface SubmitResult {
  application: ApplicationView;
  /** True when the Idempotency-Key had already produced this application. */
  replayed: boolean;
}

interface Outcome {
  status: ApplicationStatus;
  answers: StoredAnswers;
  phone: string | null;
  mailingAddress: string | null;
}

/**
 * POST /applications: one submission, one application number, one transaction. The server
 * re-checks eligibility itself; the kiosk's own check only explains.
 */
export class ApplicationService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly registry: ResidentRegistry,
    private readonly tokens: IdentifyTokens,
    private readonly views: ApplicationViews,
    private readonly clock: () => Date,
  ) {}

  get(applicationNo: string): Promise<ApplicationView | null> {
    return this.views.byNumber(this.db, applicationNo);
  }

  submit(request: ApplicationRequest, idempotencyKey: string): Promise<SubmitResult> {
    const hash = requestHash(request);
    const now = this.clock();
    return this.db.transaction(async (tx) => {
      // Lock order in every application transaction: key, then resident, then day counter.
      await idempotencyKeys.lock(tx, idempotencyKey);
      const earlier = await idempotencyKeys.find(tx, idempotencyKey);
      if (earlier) {
        // Checked before the token: a retry after the token expired still gets its answer.
        if (!earlier.requestHash.equals(hash)) throw new IdempotencyKeyReusedError();
        return { application: (await this.views.byId(tx, earlier.applicationId))!, replayed: true };
      }

      const token = await this.tokens.resolve(tx, request.identifyToken, now);
      if (!token) throw new IdentifyTokenInvalidError();
      const resident = await this.#lockResident(tx, token.subject, now);

      const parsed = parseIdNumber(resident.idNumber);
      const pending = await this.registry.hasPendingSeniorCardApplication(tx, resident.id);
      const service = findService(request.serviceKey);
      const eligibility = evaluateService(service, personFactsForResident(parsed.birthDate, resident, pending), shanghaiDate(now));
      if (!eligibility.eligible) throw new NotEligibleError(service.key, toEligibilityView(eligibility).reasons);

      const outcome = await this.#apply(tx, request, resident, now);
      const p = this.protector;
      // The row goes in under a placeholder number; the real one is taken last (below), so the
      // day's counter row, which every application of the day must lock, is held only for two
      // statements and the commit.
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO applications (application_no, service_key, status, resident_id, applicant_id_number_enc, applicant_name_enc,
           answers, phone_enc, mailing_address_enc, catalogue_version, kiosk_id, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          `pending:${randomUUID()}`,
          service.key,
          outcome.status,
          resident.id,
          p.encrypt(resident.idNumber, 'application.applicant-id-number'),
          p.encrypt(resident.name, 'application.applicant-name'),
          JSON.stringify(outcome.answers),
          p.encryptOptional(outcome.phone, 'application.phone'),
          p.encryptOptional(outcome.mailingAddress, 'application.mailing-address'),
          serviceCatalogue.version,
          token.kioskId,
          now,
        ],
      );
      const applicationId = row!.id;
      // 分别办理: each handling department gets its own part and moves its own status.
      for (const [i, department] of service.departments.entries()) {
        await tx.query(
          `INSERT INTO application_parts (application_id, part_no, service_key, department, kind, status, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [applicationId, i + 1, service.key, department, outcome.status === 'completed' ? 'instant' : 'review', outcome.status, now],
        );
      }
      await idempotencyKeys.record(tx, idempotencyKey, hash, applicationId, now);
      const view = (await this.views.byId(tx, applicationId))!;
      const applicationNo = await nextApplicationNo(tx, now);
      await tx.query('UPDATE applications SET application_no = $1 WHERE id = $2', [applicationNo, applicationId]);
      return { application: { ...view, applicationNo }, replayed: false };
    });
  }

  /** The applicant's registry row, locked: two applications of one person never overlap. */
  async #lockResident(tx: SqlDatabase, subject: TokenSubject, now: Date): Promise<ResidentRecord> {
    const id =
      subject.residentId ??
      // A person known only from their card joins the registry with their first application.
      (await this.registry.findOrCreateFromCard(tx, subject.card, parseIdNumber(subject.card.idNumber).idNumber, now)).id;
    const resident = await this.registry.findById(tx, id, true);
    if (!resident) throw new IdentifyTokenInvalidError();
    return resident;
  }

  async #apply(tx: SqlDatabase, request: ApplicationRequest, resident: ResidentRecord, now: Date): Promise<Outcome> {
    switch (request.serviceKey) {
      case 'allowance-channel': {
        const { channel } = request.answers;
        if (resident.allowanceChannel === channel) throw new AlreadyChosenError();
        await this.registry.setAllowanceChannel(tx, resident.id, channel, now);
        // 免申即享: choosing the channel is the whole service.
        return { status: 'completed', answers: { channel, previousChannel: resident.allowanceChannel }, phone: null, mailingAddress: null };
      }
      case 'senior-card': {
        const { phone, delivery } = request.answers;
        return {
          status: 'submitted',
          answers: { delivery },
          phone,
          mailingAddress: delivery === 'mail' ? resident.address : null,
        };
      }
      default:
        // Issue 5's services are being built (one applier per service); until then they are refused.
        throw new NotEligibleError(request.serviceKey, []);
    }
  }
}
