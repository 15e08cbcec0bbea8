import { Type, type Static } from 'typebox';
import { IdCardDataSchema } from '../id-card/id-card-data';

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
    answers: Type.Object({ channel: AllowanceChannelSchema }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const SeniorCardApplicationSchema = Type.Object(
  {
    serviceKey: Type.Literal('senior-card'),
    identifyToken: Token,
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

export const ApplicationRequestSchema = Type.Union([AllowanceChannelApplicationSchema, SeniorCardApplicationSchema]);
export type ApplicationRequest = Static<typeof ApplicationRequestSchema>;

export const ApplicationStatusSchema = Type.Union([Type.Literal('submitted'), Type.Literal('completed')]);
export type ApplicationStatus = Static<typeof ApplicationStatusSchema>;

export const ApplicationPartSchema = Type.Object({
  partNo: Type.Integer({ minimum: 1 }),
  serviceKey: Type.String(),
  department: Type.String(),
  departmentName: LocalizedSchema,
  status: ApplicationStatusSchema,
});

export const ApplicationViewSchema = Type.Object({
  /** YL + Shanghai date + 6-digit daily sequence, e.g. YL20261122000123. */
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
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
  parts: Type.Array(ApplicationPartSchema),
  catalogueVersion: Type.String(),
});
export type ApplicationView = Static<typeof ApplicationViewSchema>;

export const ApplicationNoParamsSchema = Type.Object({
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
});
