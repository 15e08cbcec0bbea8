import { Type, type Static } from 'typebox';
import { PartKindSchema, PartStatusSchema } from '../applications/part-status';
import { IdCardDataSchema } from '../id-card/id-card-data';
import {
  AssistiveDeviceRentalApplicationSchema,
  HomeAdaptationApplicationSchema,
  HomeVisitApplicationSchema,
  JointApplicationSchema,
  JointOptionsViewSchema,
  MealAssistanceApplicationSchema,
  MealAssistanceChangeApplicationSchema,
  ProxyRelationshipSchema,
  ProxySchema,
  SeniorEducationApplicationSchema,
  SportsVoucherApplicationSchema,
  TaxiHailingApplicationSchema,
} from './service-applications';

/**
 * The server's public API under /api/v1 (documented at /api/docs). Schemas first: the server
 * validates with them, the kiosk types its calls with them, and the OpenAPI document is made
 * from them.
 */

const LocalizedSchema = Type.Object({ zh: Type.String(), en: Type.String() });
export const LocaleSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);

export const ErrorBodySchema = Type.Object({
  /** Stable, machine-readable: VALIDATION_FAILED, INVALID_ID_NUMBER, NOT_ELIGIBLE, … */
  code: Type.String(),
  /** For people (Chinese by default, English with Accept-Language: en). */
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
export type ErrorBody = Static<typeof ErrorBodySchema>;

export const AllowanceChannelSchema = Type.Union([Type.Literal('senior-card'), Type.Literal('social-security-card')]);
export type AllowanceChannel = Static<typeof AllowanceChannelSchema>;

export const SeniorCardDeliverySchema = Type.Union([Type.Literal('collect'), Type.Literal('mail')]);
export type SeniorCardDelivery = Static<typeof SeniorCardDeliverySchema>;

// ---- POST /api/v1/identify -------------------------------------------------------------

export const IdentifyRequestSchema = Type.Object(
  {
    card: IdCardDataSchema,
    /** Which kiosk asks, for the audit trail. */
    kioskId: Type.Optional(Type.String({ maxLength: 64 })),
    /**
     * The community service centre the kiosk stands in (its `?centre=`): applications of this
     * token belong to it. A centre the server does not know is ignored (no centre: every centre sees them).
     */
    centreId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{1,32}$' })),
  },
  { additionalProperties: false },
);
export type IdentifyRequest = Static<typeof IdentifyRequestSchema>;

/** A person as the kiosk may see them: masked, and only what the screens need. */
export const PersonViewSchema = Type.Object({
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  age: Type.Integer(),
  shanghaiHukou: Type.Boolean(),
  holdsSeniorCard: Type.Boolean(),
  allowanceChannel: Type.Union([AllowanceChannelSchema, Type.Null()]),
  /** Digits masked: recognisable, not a door number. */
  registeredAddressMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  /** False when the resident registry has no record and only the card is known. */
  inRegistry: Type.Boolean(),
});
export type PersonView = Static<typeof PersonViewSchema>;

export const EligibilityViewSchema = Type.Object({
  serviceKey: Type.String(),
  eligible: Type.Boolean(),
  reasons: Type.Array(Type.Object({ code: Type.String(), text: LocalizedSchema })),
});
export type EligibilityView = Static<typeof EligibilityViewSchema>;

export const IdentifyResponseSchema = Type.Object({
  /** Opaque, short-lived: stands for the person in the application request. */
  identifyToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  person: PersonViewSchema,
  eligibility: Type.Array(EligibilityViewSchema),
  /** 一件事一次办: which of the three linked services the person can choose, and how. */
  joint: Type.Optional(JointOptionsViewSchema),
  catalogueVersion: Type.String(),
});
export type IdentifyResponse = Static<typeof IdentifyResponseSchema>;

const Token = Type.String({ minLength: 16, maxLength: 128 });

// ---- POST /api/v1/identify/refresh -----------------------------------------------------

/** The person a valid identify token stands for, described afresh (after an application). */
export const IdentifyRefreshRequestSchema = Type.Object({ identifyToken: Token }, { additionalProperties: false });
export type IdentifyRefreshRequest = Static<typeof IdentifyRefreshRequestSchema>;

// ---- POST /api/v1/applications ---------------------------------------------------------

export const AllowanceChannelApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('allowance-channel'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object({ channel: AllowanceChannelSchema }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const SeniorCardApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('senior-card'),
    identifyToken: Token,
    proxy: Type.Optional(ProxySchema),
    answers: Type.Object(
      {
        /** Mainland mobile number, 11 digits. */
        phone: Type.String({ pattern: '^1[3-9]\\d{9}$' }),
        delivery: SeniorCardDeliverySchema,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ApplicationRequestSchema = Type.Union([
  AllowanceChannelApplicationSchema,
  SeniorCardApplicationSchema,
  JointApplicationSchema,
  HomeAdaptationApplicationSchema,
  MealAssistanceApplicationSchema,
  MealAssistanceChangeApplicationSchema,
  AssistiveDeviceRentalApplicationSchema,
  SeniorEducationApplicationSchema,
  TaxiHailingApplicationSchema,
  SportsVoucherApplicationSchema,
  HomeVisitApplicationSchema,
]);
export type ApplicationRequest = Static<typeof ApplicationRequestSchema>;

/** The application as a whole: `completed` once every part is final (some may be rejected). */
export const ApplicationStatusSchema = Type.Union([Type.Literal('submitted'), Type.Literal('in-progress'), Type.Literal('completed')]);
export type ApplicationStatus = Static<typeof ApplicationStatusSchema>;

export const ApplicationPartSchema = Type.Object({
  partNo: Type.Integer({ minimum: 1 }),
  serviceKey: Type.String(),
  department: Type.String(),
  departmentName: LocalizedSchema,
  kind: PartKindSchema,
  status: PartStatusSchema,
  updatedAt: Type.String({ format: 'date-time' }),
  /** An external department system took this part over (outbound webhook with takeover). */
  handledExternally: Type.Boolean(),
  /** Facts the part's officer recorded (no personal data): visit date, care level, notice end. */
  visitDate: Type.Optional(Type.String({ format: 'date' })),
  careLevel: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 6 }), Type.Null()])),
  noticeEndsOn: Type.Optional(Type.String({ format: 'date' })),
});
export type ApplicationPart = Static<typeof ApplicationPartSchema>;

/** 代办: who applied for the senior, masked. */
export const ProxyViewSchema = Type.Object({
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  relationship: ProxyRelationshipSchema,
});
export type ProxyView = Static<typeof ProxyViewSchema>;

export const ApplicationViewSchema = Type.Object({
  /** YL + Shanghai date + 6-digit daily sequence, e.g. YL20261122000123. */
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
  /**
   * What the receipt's QR holds: the number with the server's check code
   * (YL20261122000123-7KQ2M9XWHD, scan/receipt-code.ts); scanning it shows this application's
   * progress without an ID card. Only in the submit response (the kiosk prints the receipt from
   * it): GET /applications/{applicationNo} leaves it out, as anyone can guess a number.
   */
  receiptCode: Type.Optional(Type.String({ pattern: '^YL\\d{14}-[0-9A-HJKMNP-TV-Z]{10}$' })),
  serviceKey: Type.String(),
  serviceName: LocalizedSchema,
  status: ApplicationStatusSchema,
  submittedAt: Type.String({ format: 'date-time' }),
  applicantNameMasked: Type.String(),
  idNumberMasked: Type.String(),
  answers: Type.Object({
    channel: Type.Optional(AllowanceChannelSchema),
    previousChannel: Type.Optional(Type.Union([AllowanceChannelSchema, Type.Null()])),
    phoneMasked: Type.Optional(Type.String()),
    delivery: Type.Optional(SeniorCardDeliverySchema),
    mailingAddressMasked: Type.Optional(Type.String()),
  }),
  /**
   * What was applied for and what came of it, in words and masked, one line each (the receipt
   * prints them): e.g. 改造项目 扶手、防滑地面; 补贴类别 困难老人（全额补贴）; 车牌 沪A·D1234.
   */
  details: Type.Array(Type.Object({ label: LocalizedSchema, value: LocalizedSchema })),
  /** Present when someone applied for the senior (代办). */
  proxy: Type.Optional(ProxyViewSchema),
  parts: Type.Array(ApplicationPartSchema),
  catalogueVersion: Type.String(),
});
export type ApplicationView = Static<typeof ApplicationViewSchema>;

export const ApplicationNoParamsSchema = Type.Object({
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
});
