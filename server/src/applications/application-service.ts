import { randomUUID } from 'node:crypto';
import {
  evaluateService,
  findService,
  isFinalPartStatus,
  parseIdNumber,
  SERVICE_KEYS,
  serviceCatalogue,
  shanghaiDate,
  type ApplicationRequest,
  type ApplicationView,
  type ProxyRequest,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { IdempotencyKeyReusedError, IdentifyTokenInvalidError, NotEligibleError } from '../errors/api-errors';
import { toEligibilityView } from '../identify/eligibility-views';
import type { IdentifyTokens, TokenOrigin, TokenSubject } from '../identify/identify-tokens';
import { personFactsForResident } from '../identify/person-facts-for';
import type { ResidentRecord } from '../registry/resident-record';
import type { ResidentRegistry } from '../registry/resident-registry';
import { ProxySamePersonError, ServiceNotAvailableError } from './application-errors';
import type { ApplicationViews } from './application-views';
import { applierFor, appliers as defaultAppliers, type ApplierMap } from './appliers';
import { idempotencyKeys, requestHash } from './idempotency-keys';
import { nextApplicationNo } from './next-application-no';
import type { ApplyOutcome } from './service-applier';

export interface SubmitResult {
  application: ApplicationView;
  /** True when the Idempotency-Key had already produced this application. */
  replayed: boolean;
}

/** 代办: who applies for the senior, as stored. */
interface ProxyPerson {
  residentId: number | null;
  idNumber: string;
  name: string;
  relationship: ProxyRequest['relationship'];
}

/**
 * POST /applications: one submission, one application number, one transaction. The server
 * re-checks eligibility itself (the kiosk's own check only explains); each service's applier
 * (appliers.ts) checks its answers and says what to store.
 */
export class ApplicationService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly registry: ResidentRegistry,
    private readonly tokens: IdentifyTokens,
    private readonly views: ApplicationViews,
    private readonly clock: () => Date,
    private readonly appliers: ApplierMap = defaultAppliers,
  ) {}

  get(applicationNo: string): Promise<ApplicationView | null> {
    return this.views.byNumber(this.db, applicationNo);
  }

  async submit(request: ApplicationRequest, idempotencyKey: string): Promise<SubmitResult> {
    const undos: (() => Promise<unknown>)[] = [];
    try {
      return await this.#submit(request, idempotencyKey, (undo) => undos.push(undo));
    } catch (error) {
      // Nothing was stored: what the applier did outside the database is undone, so no taxi
      // comes for an application that does not exist. The submission's own error is the answer.
      for (const undo of undos.reverse()) {
        await undo().catch((undoError: unknown) => this.onUndoFailed(undoError));
      }
      throw error;
    }
  }

  /** Told when an undo fails (the server logs it); the submission's error still goes to the kiosk. */
  onUndoFailed: (error: unknown) => void = (error) => console.error('application rollback: an undo failed', error);

  #submit(request: ApplicationRequest, idempotencyKey: string, onRollback: (undo: () => Promise<unknown>) => void): Promise<SubmitResult> {
    const hash = requestHash(request);
    const now = this.clock();
    const today = shanghaiDate(now);
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
      const proxy = request.proxy ? await this.#proxyPerson(tx, request.proxy, token.subject, now) : null;
      const resident = await this.#lockResident(tx, token.subject, now);
      if (proxy && parseIdNumber(proxy.idNumber).idNumber === parseIdNumber(resident.idNumber).idNumber) throw new ProxySamePersonError();

      // Eligibility is always the senior's (the principal's), never the proxy's.
      const parsed = parseIdNumber(resident.idNumber);
      const pending = await this.registry.hasPendingSeniorCardApplication(tx, resident.id);
      const facts = personFactsForResident(parsed.birthDate, resident, pending);
      if ((SERVICE_KEYS as readonly string[]).includes(request.serviceKey)) {
        const eligibility = evaluateService(findService(request.serviceKey), facts, today);
        if (!eligibility.eligible) throw new NotEligibleError(request.serviceKey, toEligibilityView(eligibility).reasons);
      }
      const applier = applierFor(this.appliers, request.serviceKey);
      if (!applier) throw new ServiceNotAvailableError(request.serviceKey);
      const outcome = await applier.apply(request, {
        tx,
        resident,
        now,
        kioskId: token.kioskId,
        protector: this.protector,
        registry: this.registry,
        facts,
        today,
        onRollback,
      });

      // The senior's token says the centre; a proxy's token (identified at the same kiosk) does not.
      const applicationId = await this.#insertApplication(tx, request.serviceKey, outcome, resident, proxy, token, now);
      await this.#insertParts(tx, applicationId, outcome, now);
      await idempotencyKeys.record(tx, idempotencyKey, hash, applicationId, now);
      // The row went in under a placeholder number; the real one is taken last, so the day's
      // counter row, which every application of the day must lock, is held only for the last
      // few statements and the commit. The view is read after it: parts of the view (the
      // receipt code) are derived from the number.
      const applicationNo = await nextApplicationNo(tx, now);
      await tx.query('UPDATE applications SET application_no = $1 WHERE id = $2', [applicationNo, applicationId]);
      return { application: (await this.views.byId(tx, applicationId))!, replayed: false };
    });
  }

  async #insertApplication(
    tx: SqlDatabase,
    serviceKey: string,
    outcome: ApplyOutcome,
    resident: ResidentRecord,
    proxy: ProxyPerson | null,
    origin: TokenOrigin,
    now: Date,
  ): Promise<number> {
    const p = this.protector;
    // 'completed' only when every part is final the moment it is made (免申即享, voucher).
    const status = outcome.parts.length > 0 && outcome.parts.every((part) => isFinalPartStatus(part.kind, part.status)) ? 'completed' : 'submitted';
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO applications (application_no, service_key, status, resident_id, applicant_id_number_enc, applicant_name_enc,
         answers, phone_enc, mailing_address_enc, catalogue_version, kiosk_id, submitted_at,
         private_answers_enc, result, proxy_resident_id, proxy_id_number_enc, proxy_name_enc, proxy_relationship, proxy_consented_at, centre_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
      [
        `pending:${randomUUID()}`,
        serviceKey,
        status,
        resident.id,
        p.encrypt(resident.idNumber, 'application.applicant-id-number'),
        p.encrypt(resident.name, 'application.applicant-name'),
        JSON.stringify(outcome.answers),
        p.encryptOptional(outcome.phone, 'application.phone'),
        p.encryptOptional(outcome.mailingAddress, 'application.mailing-address'),
        serviceCatalogue.version,
        origin.kioskId,
        now,
        outcome.privateAnswers ? p.encrypt(JSON.stringify(outcome.privateAnswers), 'application.private-answers') : null,
        JSON.stringify(outcome.result ?? {}),
        proxy?.residentId ?? null,
        proxy ? p.encrypt(proxy.idNumber, 'application.proxy-id-number') : null,
        proxy ? p.encrypt(proxy.name, 'application.proxy-name') : null,
        proxy?.relationship ?? null,
        // The senior consented at the kiosk, in this submission (the request carries consent: true).
        proxy ? now : null,
        origin.centreId,
      ],
    );
    return row!.id;
  }

  /** 分别办理: each part with its first history entry (who put it in its first status). */
  async #insertParts(tx: SqlDatabase, applicationId: number, outcome: ApplyOutcome, now: Date): Promise<void> {
    for (const [i, part] of outcome.parts.entries()) {
      const partNo = i + 1;
      await tx.query(
        `INSERT INTO application_parts (application_id, part_no, service_key, department, kind, status, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [applicationId, partNo, part.serviceKey, part.department, part.kind, part.status, now],
      );
      // Submitted by the kiosk; a part the system itself settled (done at once, or waiting for
      // the assessment) says so.
      const actor = part.status === 'submitted' ? 'kiosk' : 'system';
      await tx.query(
        `INSERT INTO application_part_events (application_id, part_no, at, actor, from_status, to_status, note)
         VALUES ($1, $2, $3, $4, NULL, $5, NULL)`,
        [applicationId, partNo, now, actor, part.status],
      );
    }
  }

  /** 代办: the applicant's own token; an invalid one is refused like the senior's. */
  async #proxyPerson(tx: SqlDatabase, request: ProxyRequest, principal: TokenSubject, now: Date): Promise<ProxyPerson> {
    const resolved = await this.tokens.resolve(tx, request.identifyToken, now);
    if (!resolved) throw new IdentifyTokenInvalidError();
    const { subject } = resolved;
    if (subject.residentId !== null && subject.residentId === principal.residentId) throw new ProxySamePersonError();
    if (subject.residentId === null) {
      return { residentId: null, idNumber: parseIdNumber(subject.card.idNumber).idNumber, name: subject.card.name, relationship: request.relationship };
    }
    const person = await this.registry.findById(tx, subject.residentId);
    if (!person) throw new IdentifyTokenInvalidError();
    return { residentId: person.id, idNumber: person.idNumber, name: person.name, relationship: request.relationship };
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
}
