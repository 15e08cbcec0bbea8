import type {
  ApplicationRequest,
  DepartmentKey,
  Localized,
  PartKind,
  PartStatus,
  PersonFacts,
} from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import type { ResidentRecord } from '../registry/resident-record';
import type { ResidentRegistry } from '../registry/resident-registry';

/**
 * One applier per service: given a request the server has already authenticated (identify
 * token) and checked for eligibility, it does what the service needs inside the application's
 * transaction (checks the answers, books, enrols, records) and says what to store. The
 * ApplicationService stores the row, the parts and their first history entry, and the
 * Idempotency-Key; an applier never commits or numbers anything itself.
 */
export interface ApplyContext {
  tx: SqlDatabase;
  /** The senior (principal), locked for the transaction. */
  resident: ResidentRecord;
  now: Date;
  /** The kiosk that sent the request, if any (for centre-bound services such as the taxi). */
  kioskId: string | null;
  protector: DataProtector;
  registry: ResidentRegistry;
  /** The principal's facts for the rules, and the Shanghai date they are judged on. */
  facts: PersonFacts;
  today: string;
  /**
   * Registers how to undo what the applier did outside the database (a taxi booked with the
   * platform) should the application not be stored after all: run after the rollback, newest first.
   */
  onRollback(undo: () => Promise<unknown>): void;
}

export interface PartPlan {
  serviceKey: string;
  department: DepartmentKey;
  kind: PartKind;
  status: PartStatus;
}

export interface ApplyOutcome {
  /** 'completed' when every part is final at once (免申即享, voucher, taxi). */
  status: 'submitted' | 'completed';
  /** Stored in clear (jsonb): nothing personal. */
  answers: Record<string, unknown>;
  /** Stored encrypted: phone, and the mailing address where the service mails something. */
  phone: string | null;
  mailingAddress: string | null;
  /** Personal answers stored encrypted as one JSON document (bank card, new address). */
  privateAnswers?: Record<string, unknown>;
  /** Non-personal outcome stored in clear (voucher number, subsidy category, taxi booking). */
  result?: Record<string, unknown>;
  /** 分别办理: one part per handling department (or per chosen service for the joint application). */
  parts: PartPlan[];
}

/**
 * Describes a stored application in words for the view and the receipt (`details`): masked,
 * both languages. Gets the clear answers, the decrypted private answers and the result.
 */
export type DetailsDescriber = (stored: {
  answers: Record<string, unknown>;
  privateAnswers: Record<string, unknown> | null;
  result: Record<string, unknown>;
}) => { label: Localized; value: Localized }[];

export interface ServiceApplier<R extends ApplicationRequest = ApplicationRequest> {
  apply(request: R, context: ApplyContext): Promise<ApplyOutcome>;
  describe: DetailsDescriber;
}

export type ApplierFor<K extends ApplicationRequest['serviceKey']> = ServiceApplier<Extract<ApplicationRequest, { serviceKey: K }>>;
