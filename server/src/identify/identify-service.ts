import {
  ageOn,
  evaluateEligibility,
  evaluateJointOptions,
  isValidIsoDate,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  parseIdNumber,
  serviceCatalogue,
  shanghaiDate,
  type IdCardData,
  type IdentifyRequest,
  type IdentifyResponse,
  type MedicalInsurance,
  type ParsedIdNumber,
  type PersonFacts,
} from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { CardExpiredError, IdentifyTokenInvalidError, ValidationFailedError } from '../errors/api-errors';
import type { DemoRegistrySeeder } from '../registry/demo-registry-seeder';
import type { ResidentRecord } from '../registry/resident-record';
import type { ResidentRegistry } from '../registry/resident-registry';
import { hukouFromCard } from '../registry/resident-registry';
import { toEligibilityView } from './eligibility-views';
import type { IdentifyTokens } from './identify-tokens';
import { personFactsForCardOnly, personFactsForResident } from './person-facts-for';

/** Dates the schema only checks for shape must also exist on a calendar. */
function checkCardDates(card: IdentifyRequest['card']): void {
  const bad = (['birthDate', 'validFrom', 'validTo'] as const).filter(
    (field) => !(field === 'validTo' && card.validTo === 'long-term') && !isValidIsoDate(card[field]),
  );
  if (bad.length > 0) throw new ValidationFailedError(bad.map((field) => ({ path: `/card/${field}`, message: 'is not a real date' })));
}

/** Control characters and lone surrogates: PostgreSQL text cannot hold NUL, and logs should not hold either. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function isPrintable(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * The kiosk's centre if the server knows it. A mistyped `?centre=` must not stop a senior from
 * being served: the token then has no centre and its applications are visible to every centre.
 */
async function knownCentre(tx: SqlDatabase, centreId: string | undefined): Promise<string | null> {
  if (centreId === undefined) return null;
  const [row] = await tx.query<{ id: string }>('SELECT id FROM centres WHERE id = $1', [centreId]);
  return row?.id ?? null;
}

/**
 * POST /identify: who is at the kiosk and what may they do. The ID number is the key; age comes
 * from its birth date on today's Shanghai date; the registry adds hukou and what the person holds.
 */
export class IdentifyService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly registry: ResidentRegistry,
    private readonly tokens: IdentifyTokens,
    private readonly seeder: DemoRegistrySeeder,
    private readonly clock: () => Date,
  ) {}

  async identify(request: IdentifyRequest): Promise<IdentifyResponse> {
    const { card } = request;
    const parsed = parseIdNumber(card.idNumber);
    checkCardDates(card);
    if (request.kioskId !== undefined && !isPrintable(request.kioskId)) {
      throw new ValidationFailedError([{ path: '/kioskId', message: 'must not contain control characters' }]);
    }
    const now = this.clock();
    const today = shanghaiDate(now);
    if (card.validTo !== 'long-term' && card.validTo < today) throw new CardExpiredError(card.validTo);
    await this.seeder.ensureSeeded(today, now);

    return this.db.transaction(async (tx) => {
      await this.tokens.purgeExpired(tx, now);
      const resident = await this.registry.findByIdNumber(tx, parsed.idNumber);
      const described = await this.#describe(tx, parsed, card, resident, today);
      const subject = resident
        ? { residentId: resident.id, card: null }
        : { residentId: null, card: { ...card, idNumber: parsed.idNumber } };
      const centreId = await knownCentre(tx, request.centreId);
      const { token, expiresAt } = await this.tokens.issue(tx, subject, { kioskId: request.kioskId ?? null, centreId }, now);
      return { identifyToken: token, expiresAt: expiresAt.toISOString(), ...described };
    });
  }

  /**
   * The same person as a valid identify token stands for, described afresh: after an
   * application the kiosk's menu must show what changed (a card now pending, a new channel).
   * The token and its expiry stay as they are.
   */
  async refresh(identifyToken: string): Promise<IdentifyResponse> {
    const now = this.clock();
    const today = shanghaiDate(now);
    return this.db.transaction(async (tx) => {
      const resolved = await this.tokens.resolve(tx, identifyToken, now);
      if (!resolved) throw new IdentifyTokenInvalidError();
      const { subject } = resolved;
      // A person first known from the card may have become a resident by applying.
      const resident =
        subject.residentId !== null
          ? await this.registry.findById(tx, subject.residentId)
          : await this.registry.findByIdNumber(tx, subject.card.idNumber);
      const idNumber = resident?.idNumber ?? subject.card?.idNumber;
      if (idNumber === undefined) throw new IdentifyTokenInvalidError();
      const described = await this.#describe(tx, parseIdNumber(idNumber), subject.card, resident, today);
      return { identifyToken, expiresAt: resolved.expiresAt.toISOString(), ...described };
    });
  }

  /** Person, eligibility and catalogue version: from the registry when known, else the card. */
  async #describe(
    tx: SqlDatabase,
    parsed: ParsedIdNumber,
    card: IdCardData | null,
    resident: ResidentRecord | null,
    today: string,
  ): Promise<Omit<IdentifyResponse, 'identifyToken' | 'expiresAt'>> {
    const common = { idNumberMasked: maskIdNumber(parsed.idNumber), sex: parsed.sex, age: ageOn(parsed.birthDate, today) };
    let facts: PersonFacts;
    let person: IdentifyResponse['person'];
    let insurance: MedicalInsurance | null = null;
    if (resident) {
      const pending = await this.registry.hasPendingSeniorCardApplication(tx, resident.id);
      facts = personFactsForResident(parsed.birthDate, resident, pending);
      person = {
        ...common,
        nameMasked: maskName(resident.name),
        shanghaiHukou: facts.shanghaiHukou,
        holdsSeniorCard: resident.holdsSeniorCard,
        allowanceChannel: resident.allowanceChannel,
        registeredAddressMasked: maskAddress(resident.address),
        phoneMasked: resident.phone === null ? null : maskPhone(resident.phone),
        inRegistry: true,
      };
      insurance = resident.medicalInsurance;
    } else if (card) {
      facts = personFactsForCardOnly(parsed.birthDate, hukouFromCard(card));
      person = {
        ...common,
        nameMasked: maskName(card.name),
        shanghaiHukou: facts.shanghaiHukou,
        holdsSeniorCard: false,
        allowanceChannel: null,
        registeredAddressMasked: maskAddress(card.address),
        phoneMasked: null,
        inRegistry: false,
      };
    } else {
      throw new IdentifyTokenInvalidError();
    }
    return {
      person,
      eligibility: evaluateEligibility(facts, today).map(toEligibilityView),
      joint: evaluateJointOptions(facts, today, insurance),
      catalogueVersion: serviceCatalogue.version,
    };
  }
}
