import {
  ageOn,
  describeReason,
  evaluateEligibility,
  findDemoResident,
  findService,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  serviceCatalogue,
  type ApplicationRequest,
  type ApplicationView,
  type IdCardData,
  type IdentifyResponse,
} from '@eldercare/domain';

/**
 * Test data built the way the server builds it: demo residents from the domain, eligibility from
 * the domain's one rules function, masked with the domain's masking. Used by the tests only.
 */
export const FIXTURE_TODAY = '2026-06-01';

/** Demo residents that cover every branch of the two flows. */
export const FIXTURE_PEOPLE = {
  /** 67, no senior card, no allowance channel: eligible for both, chooses a channel. */
  firstTimer: 'li-xiuying',
  /** 75, channel social-security-card, no senior card. */
  hasChannel: 'ouyang-mingyue',
  /** 82, holds a senior card (already-holds-senior-card), channel senior-card. */
  cardHolder: 'zhang-guihua',
  /** 62: too young for both services. */
  tooYoung: 'chen-zhiqiang',
} as const;

export type FixturePerson = keyof typeof FIXTURE_PEOPLE;
export const FIXTURE_PERSON_KEYS = Object.keys(FIXTURE_PEOPLE) as FixturePerson[];

function resident(person: FixturePerson) {
  const found = findDemoResident(FIXTURE_TODAY, FIXTURE_PEOPLE[person]);
  if (!found) throw new Error(`no demo resident ${FIXTURE_PEOPLE[person]}`);
  return found;
}

export function cardOf(person: FixturePerson): IdCardData {
  return resident(person).card;
}

export function identityOf(person: FixturePerson): IdentifyResponse {
  const r = resident(person);
  const facts = {
    birthDate: r.birthDate,
    shanghaiHukou: r.hukou === 'shanghai',
    holdsSeniorCard: r.holdsSeniorCard,
    seniorCardApplicationPending: false,
    careLevel: null,
    financialHardship: false,
    mealAssistanceApproved: false,
  };
  return {
    identifyToken: `test-token-${r.key}-0123456789`,
    expiresAt: `${FIXTURE_TODAY}T12:00:00.000Z`,
    person: {
      nameMasked: maskName(r.name),
      idNumberMasked: maskIdNumber(r.idNumber),
      sex: r.sex,
      age: ageOn(r.birthDate, FIXTURE_TODAY),
      shanghaiHukou: facts.shanghaiHukou,
      holdsSeniorCard: r.holdsSeniorCard,
      allowanceChannel: r.allowanceChannel,
      registeredAddressMasked: maskAddress(r.address),
      phoneMasked: r.phone === null ? null : maskPhone(r.phone),
      inRegistry: true,
    },
    eligibility: evaluateEligibility(facts, FIXTURE_TODAY).map((e) => ({
      serviceKey: e.serviceKey,
      eligible: e.eligible,
      reasons: e.reasons.map((reason) => ({
        code: reason.code,
        text: { zh: describeReason('zh-CN', reason), en: describeReason('en', reason) },
      })),
    })),
    catalogueVersion: serviceCatalogue.version,
  };
}

/** What the server answers to an accepted request (a test double of its 201 body). */
export function applicationFor(request: ApplicationRequest, sequence = 1): ApplicationView {
  // The joint application and 上门办 are no catalogue services of their own.
  const service = request.serviceKey === 'ltc-joint' || request.serviceKey === 'home-visit' ? null : findService(request.serviceKey);
  const answers: ApplicationView['answers'] =
    request.serviceKey === 'allowance-channel'
      ? { channel: request.answers.channel, previousChannel: null }
      : request.serviceKey === 'senior-card'
        ? { phoneMasked: maskPhone(request.answers.phone), delivery: request.answers.delivery }
        : {};
  return {
    applicationNo: `YL${FIXTURE_TODAY.replaceAll('-', '')}${String(sequence).padStart(6, '0')}`,
    serviceKey: request.serviceKey,
    serviceName: service?.name ?? { zh: request.serviceKey, en: request.serviceKey },
    status: 'submitted',
    submittedAt: `${FIXTURE_TODAY}T02:00:00.000Z`,
    applicantNameMasked: '李*英',
    idNumberMasked: '3101**********0021',
    answers,
    details: [],
    parts: [
      {
        partNo: 1,
        serviceKey: request.serviceKey,
        department: 'civil-affairs',
        departmentName: { zh: '民政', en: 'Civil Affairs' },
        kind: 'review',
        status: 'submitted',
        updatedAt: `${FIXTURE_TODAY}T02:00:00.000Z`,
        handledExternally: false,
      },
    ],
    catalogueVersion: serviceCatalogue.version,
  };
}
