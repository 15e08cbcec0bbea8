import { Type, type Static } from 'typebox';
import { PartKindSchema, PartStatusSchema } from '../applications/part-status';

/**
 * 分别办理 with a department's own system. A supervisor subscribes a department (url, secret,
 * takeover); every new part and every history entry of that department's parts is POSTed to it,
 * signed, retried with back-off. With takeover, the department's system moves its parts itself
 * through a signed inbound POST.
 *
 *   GET    /admin/webhooks                                   → WebhookSubscriptionList (supervisor)
 *   PUT    /admin/webhooks/:department   WebhookSubscriptionInput → WebhookSubscriptionView
 *   DELETE /admin/webhooks/:department                        → 204
 *   GET    /admin/webhooks/:department/deliveries?status=…   → WebhookDeliveryList
 *   POST   /webhooks/:department/events  InboundPartEvent (signed) → InboundPartEventResult
 *
 * Signature, both directions: header X-Eldercare-Timestamp = Unix seconds, header
 * X-Eldercare-Signature = lower-case hex HMAC-SHA256(secret, `${timestamp}.${raw body}`).
 * Outbound deliveries also carry X-Eldercare-Delivery (the delivery's uuid, the same on every
 * retry: receivers deduplicate by it).
 */

/** The departments of the catalogue (DepartmentKey), as a schema for params and payloads. */
export const WebhookDepartmentSchema = Type.Union([
  Type.Literal('civil-affairs'),
  Type.Literal('street-office'),
  Type.Literal('medical-insurance'),
  Type.Literal('assessment-agency'),
  Type.Literal('education'),
  Type.Literal('transport'),
  Type.Literal('sports'),
  Type.Literal('bank'),
]);

export const WebhookDepartmentParamsSchema = Type.Object({ department: WebhookDepartmentSchema });
export type WebhookDepartmentParams = Static<typeof WebhookDepartmentParamsSchema>;

export const WebhookSubscriptionInputSchema = Type.Object(
  {
    /** http(s) URL of the department's receiver. */
    url: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' }),
    /** Shared secret for the HMAC, 32–200 characters. Omit to keep the stored one when updating. */
    secret: Type.Optional(Type.String({ minLength: 32, maxLength: 200 })),
    /** The department's system handles its new parts (handled_externally) and moves them inbound. */
    takeover: Type.Boolean(),
    /** The payload carries the applicant's masked name and ID number. Default false. */
    personalData: Type.Optional(Type.Boolean()),
    /** Default true; false pauses new deliveries (pending ones are still sent). */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WebhookSubscriptionInput = Static<typeof WebhookSubscriptionInputSchema>;

export const WebhookSubscriptionViewSchema = Type.Object({
  department: WebhookDepartmentSchema,
  url: Type.String(),
  takeover: Type.Boolean(),
  personalData: Type.Boolean(),
  active: Type.Boolean(),
  updatedBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Deliveries by status, for the supervisor's overview. */
  deliveries: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() }),
});
export type WebhookSubscriptionView = Static<typeof WebhookSubscriptionViewSchema>;

export const WebhookSubscriptionListSchema = Type.Object({ subscriptions: Type.Array(WebhookSubscriptionViewSchema) });
export type WebhookSubscriptionList = Static<typeof WebhookSubscriptionListSchema>;

export const WebhookDeliveryStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]);
export type WebhookDeliveryStatus = Static<typeof WebhookDeliveryStatusSchema>;

export const WebhookDeliveryKindSchema = Type.Union([Type.Literal('part.created'), Type.Literal('part.moved')]);
export type WebhookDeliveryKind = Static<typeof WebhookDeliveryKindSchema>;

export const WebhookDeliveryViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: WebhookDeliveryKindSchema,
  applicationNo: Type.String(),
  partNo: Type.Integer(),
  status: WebhookDeliveryStatusSchema,
  attempts: Type.Integer(),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type WebhookDeliveryView = Static<typeof WebhookDeliveryViewSchema>;

export const WebhookDeliveryQuerySchema = Type.Object(
  { status: Type.Optional(WebhookDeliveryStatusSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);
export const WebhookDeliveryListSchema = Type.Object({ deliveries: Type.Array(WebhookDeliveryViewSchema) });
export type WebhookDeliveryList = Static<typeof WebhookDeliveryListSchema>;

/** One history entry of a part, as sent: who (a username, 'system' or 'external:<department>'), no note text. */
export const WebhookHistoryEntrySchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  from: Type.Union([PartStatusSchema, Type.Null()]),
  to: PartStatusSchema,
});

/** The JSON body POSTed to a department. Nothing personal unless the subscription allows it, and then masked. */
export const WebhookPayloadSchema = Type.Object({
  /** The delivery id, as in X-Eldercare-Delivery. */
  deliveryId: Type.String({ format: 'uuid' }),
  type: WebhookDeliveryKindSchema,
  applicationNo: Type.String(),
  partNo: Type.Integer(),
  serviceKey: Type.String(),
  department: WebhookDepartmentSchema,
  kind: PartKindSchema,
  /** The status this delivery reports (the entry's `to`; for part.created the part's first status). */
  status: PartStatusSchema,
  handledExternally: Type.Boolean(),
  visitDate: Type.Union([Type.String(), Type.Null()]),
  careLevel: Type.Union([Type.Integer(), Type.Null()]),
  submittedAt: Type.String({ format: 'date-time' }),
  entry: Type.Union([WebhookHistoryEntrySchema, Type.Null()]),
  /** Only with personalData: masked (张*, 310***********1234). */
  applicant: Type.Optional(Type.Object({ name: Type.String(), idNumber: Type.String() })),
});
export type WebhookPayload = Static<typeof WebhookPayloadSchema>;

/** POST /webhooks/:department/events: the department's system moves one of its taken-over parts. */
export const InboundPartEventSchema = Type.Object(
  {
    /** The sender's own id of this event: a replay with the same id is applied once. */
    eventId: Type.String({ minLength: 1, maxLength: 100 }),
    applicationNo: Type.String({ minLength: 1, maxLength: 40 }),
    partNo: Type.Integer({ minimum: 1, maximum: 50 }),
    to: PartStatusSchema,
    /** Guard against a stale view: the status the sender believes the part has. */
    from: Type.Optional(PartStatusSchema),
    visitDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    careLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
    /** Without personal data. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type InboundPartEvent = Static<typeof InboundPartEventSchema>;

export const InboundPartEventResultSchema = Type.Object({
  /** False when this eventId had already been applied (nothing changed now). */
  applied: Type.Boolean(),
  applicationNo: Type.String(),
  partNo: Type.Integer(),
  status: PartStatusSchema,
});
export type InboundPartEventResult = Static<typeof InboundPartEventResultSchema>;
