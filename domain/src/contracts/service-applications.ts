import { Type, type Static } from 'typebox';

/**
 * The application requests of the services beyond the first two (issue 5), one schema per
 * service, all sent to POST /api/v1/applications. Each carries the senior's identify token
 * (`identifyToken`, the principal) and, when someone applies for them (代办), `proxy`.
 *
 * Answers hold no free text a senior would have to type in Chinese: every field is a choice
 * from a list, digits from the keypad, or a flag. Personal values (phone, bank card, address
 * numbers) are encrypted by the server and come back masked.
 */

const Token = Type.String({ minLength: 16, maxLength: 128 });
const Phone = Type.String({ pattern: '^1[3-9]\\d{9}$' });

// ---- 代办: someone applies for a senior -------------------------------------------------

export const ProxyRelationshipSchema = Type.Union([
  Type.Literal('spouse'), // 配偶
  Type.Literal('child'), // 子女
  Type.Literal('relative'), // 其他亲属
  Type.Literal('eldercare-adviser'), // 社区养老顾问
  Type.Literal('committee-worker'), // 居村委会工作人员
]);
export type ProxyRelationship = Static<typeof ProxyRelationshipSchema>;
export const PROXY_RELATIONSHIPS: readonly ProxyRelationship[] = ['spouse', 'child', 'relative', 'eldercare-adviser', 'committee-worker'];

export const ProxySchema = Type.Object(
  {
    /** The applicant's own identify token (their card was read first). */
    identifyToken: Token,
    relationship: ProxyRelationshipSchema,
    /** The senior agreed, at the kiosk, that this person applies for them. */
    consent: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type ProxyRequest = Static<typeof ProxySchema>;

// ---- 1–3: the joint application (一件事一次办) ------------------------------------------

export const JointServiceKeySchema = Type.Union([
  Type.Literal('ltc-assessment'),
  Type.Literal('care-subsidy'),
  Type.Literal('care-home-admission'),
]);
export type JointServiceKey = Static<typeof JointServiceKeySchema>;
export const JOINT_SERVICE_KEYS: readonly JointServiceKey[] = ['ltc-assessment', 'care-subsidy', 'care-home-admission'];

export const MedicalInsuranceSchema = Type.Union([Type.Literal('employee'), Type.Literal('resident')]);
export type MedicalInsurance = Static<typeof MedicalInsuranceSchema>;
export const MobilitySchema = Type.Union([Type.Literal('walks'), Type.Literal('needs-help'), Type.Literal('bedridden')]);
export type Mobility = Static<typeof MobilitySchema>;

/** 一表申请: the sections present are exactly those of the chosen services (JOINT_FORM_MISMATCH otherwise). */
export const JointAnswersSchema = Type.Object(
  {
    services: Type.Array(JointServiceKeySchema, { minItems: 1, maxItems: 3, uniqueItems: true }),
    /** A contact number for the home visit and the results. */
    phone: Phone,
    /** Section of ltc-assessment. `reassessment`: 期末评估, the previous conclusion ends within 60 days. */
    assessment: Type.Optional(
      Type.Object(
        {
          reassessment: Type.Boolean(),
          insurance: MedicalInsuranceSchema,
          mobility: MobilitySchema,
          /** Where the assessors visit: the registered address, or where the person lives now (told by phone). */
          visitAt: Type.Union([Type.Literal('registered-address'), Type.Literal('agree-by-phone')]),
        },
        { additionalProperties: false },
      ),
    ),
    /** Section of care-subsidy: how the subsidy is used. */
    subsidy: Type.Optional(
      Type.Object({ serviceForm: Type.Union([Type.Literal('home-care'), Type.Literal('day-care')]) }, { additionalProperties: false }),
    ),
    /** Section of care-home-admission. */
    careHome: Type.Optional(
      Type.Object(
        {
          preference: Type.Union([Type.Literal('near-home'), Type.Literal('anywhere-in-district')]),
          acceptWaitingList: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type JointAnswers = Static<typeof JointAnswersSchema>;

export const JointApplicationSchema = Type.Object(
  { serviceKey: Type.Literal('ltc-joint'), identifyToken: Token, proxy: Type.Optional(ProxySchema), answers: JointAnswersSchema },
  { additionalProperties: false },
);

// ---- 4: home adaptation ----------------------------------------------------------------

export const HomeTenureSchema = Type.Union([Type.Literal('owner'), Type.Literal('long-term-use')]);
export type HomeTenure = Static<typeof HomeTenureSchema>;
export const AdaptationItemSchema = Type.Union([
  Type.Literal('grab-bars'), // 扶手
  Type.Literal('non-slip-floor'), // 防滑地面
  Type.Literal('shower-seat'), // 淋浴椅
  Type.Literal('threshold-removal'), // 去除门槛
  Type.Literal('night-lights'), // 感应夜灯
  Type.Literal('emergency-alarm'), // 紧急呼叫
]);
export type AdaptationItem = Static<typeof AdaptationItemSchema>;

export const HomeAdaptationApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('home-adaptation'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object(
      {
        tenure: HomeTenureSchema,
        items: Type.Array(AdaptationItemSchema, { minItems: 1, maxItems: 6, uniqueItems: true }),
        phone: Phone,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ---- 5–6: meal assistance and its change -----------------------------------------------

/** A settlement bank card number: 16–19 digits passing the Luhn check (checked by the server too). */
export const BankCardNoSchema = Type.String({ pattern: '^\\d{16,19}$' });
export const MealModeSchema = Type.Union([Type.Literal('canteen'), Type.Literal('delivery')]);
export type MealMode = Static<typeof MealModeSchema>;

export const MealAssistanceApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('meal-assistance'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object({ mode: MealModeSchema, bankCardNo: BankCardNoSchema, phone: Phone }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/** A new residence in the centre's district: a street from the district's list, door and room numbers typed. */
export const ResidenceAddressSchema = Type.Object(
  {
    /** Key of a street in the district's street list (domain data). */
    streetKey: Type.String({ minLength: 1, maxLength: 64 }),
    /** 弄 (lane), optional: not every address has one. */
    lane: Type.Optional(Type.String({ pattern: '^\\d{1,4}$' })),
    /** 号 */
    building: Type.String({ pattern: '^\\d{1,4}$' }),
    /** 室 */
    room: Type.String({ pattern: '^\\d{1,5}$' }),
  },
  { additionalProperties: false },
);
export type ResidenceAddress = Static<typeof ResidenceAddressSchema>;

export const MealAssistanceChangeApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('meal-assistance-change'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    /** At least one of the two changes (MEAL_CHANGE_EMPTY otherwise). */
    answers: Type.Object(
      { newAddress: Type.Optional(ResidenceAddressSchema), newBankCardNo: Type.Optional(BankCardNoSchema) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ---- 7: assistive-device rental --------------------------------------------------------

export const AssistiveDeviceSchema = Type.Union([
  Type.Literal('wheelchair'),
  Type.Literal('walker'),
  Type.Literal('nursing-bed'),
  Type.Literal('commode-chair'),
  Type.Literal('bath-chair'),
]);
export type AssistiveDevice = Static<typeof AssistiveDeviceSchema>;

export const AssistiveDeviceRentalApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('assistive-device-rental'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object(
      {
        devices: Type.Array(AssistiveDeviceSchema, { minItems: 1, maxItems: 5, uniqueItems: true }),
        handover: Type.Union([Type.Literal('collect'), Type.Literal('deliver')]),
        phone: Phone,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ---- 10: senior education --------------------------------------------------------------

export const SeniorEducationApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('senior-education'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Union([
      Type.Object({ mode: Type.Literal('enrol'), courseId: Type.String({ minLength: 1, maxLength: 64 }), phone: Phone }, { additionalProperties: false }),
      Type.Object(
        { mode: Type.Literal('teacher'), subjectKey: Type.String({ minLength: 1, maxLength: 64 }), phone: Phone },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);

// ---- 11: taxi ----------------------------------------------------------------------------

export const TaxiHailingApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('taxi-hailing'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object(
      {
        /** The kiosk's centre: the taxi comes to its door. */
        centreId: Type.String({ minLength: 1, maxLength: 64 }),
        /** Home (the registered address) or told to the driver. */
        destination: Type.Union([Type.Literal('home'), Type.Literal('tell-driver')]),
        phone: Phone,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ---- 12: sports voucher ------------------------------------------------------------------

export const SportsVoucherApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('sports-voucher'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object({}, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

// ---- 上门办: a home visit for someone who cannot come -------------------------------------

export const HomeVisitReasonSchema = Type.Union([Type.Literal('age-80-plus'), Type.Literal('bedridden'), Type.Literal('disabled')]);
export type HomeVisitReason = Static<typeof HomeVisitReasonSchema>;

export const HomeVisitApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('home-visit'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object(
      {
        reason: HomeVisitReasonSchema,
        /** What to handle at home: any catalogue service keys (validated by the server). */
        services: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 12, uniqueItems: true }),
        period: Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]),
        phone: Phone,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ---- what the identify response says about the joint application -----------------------

/**
 * - `now`: the person may apply for it now;
 * - `with-assessment`: only together with the needs assessment in the same application (the
 *   care level it needs is not known yet; the part waits for the assessment's result);
 * - `no`: not possible (reasons say why).
 */
export const JointAvailabilitySchema = Type.Union([Type.Literal('now'), Type.Literal('with-assessment'), Type.Literal('no')]);
export type JointAvailability = Static<typeof JointAvailabilitySchema>;

export const JointOptionsViewSchema = Type.Object({
  /** 期末评估: the current assessment conclusion ends within 60 days, so a re-assessment is offered. */
  reassessmentDue: Type.Boolean(),
  assessmentValidUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  /** The registry's medical insurance, to pre-fill the form (一表申请); null when unknown. */
  insurance: Type.Union([MedicalInsuranceSchema, Type.Null()]),
  options: Type.Array(
    Type.Object({
      serviceKey: JointServiceKeySchema,
      availability: JointAvailabilitySchema,
      reasons: Type.Array(Type.Object({ code: Type.String(), text: Type.Object({ zh: Type.String(), en: Type.String() }) })),
    }),
  ),
});
export type JointOptionsView = Static<typeof JointOptionsViewSchema>;
