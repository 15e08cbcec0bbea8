import { Type, type Static } from 'typebox';

/**
 * 呼叫工作人员: a kiosk asks for staff (the person tapped the button) or reports a printer that
 * needs a hand, and a window clerk closes the request once it is dealt with.
 *
 *   POST /api/v1/help-requests                          HelpRequestBody → HelpRequest (201)
 *   GET  /api/v1/help-requests                          → HelpRequest[] (open ones, oldest first)
 *   GET  /api/v1/window/centres/:centreId/help-requests → WindowHelpRequests (window-api.ts)
 *   POST /api/v1/window/help-requests/:id/resolve       → HelpRequest (resolved)
 *
 * A kiosk has one open request per reason: asking again returns it, and once resolved the next
 * call is a new request. No personal data: which kiosk, which service, a stable detail code.
 */

const CentreId = Type.String({ pattern: '^[A-Za-z0-9-]{1,32}$' });

/** assistance: the person tapped 呼叫工作人员; printer-fault: a receipt or ticket printer needs a hand. */
export const HelpReasonSchema = Type.Union([Type.Literal('assistance'), Type.Literal('printer-fault')]);
export type HelpReason = Static<typeof HelpReasonSchema>;

/** A stable code such as PRINTER_PAPER_OUT or TICKET_PRINTER_COVER_OPEN; never personal data. */
export const HelpDetailSchema = Type.String({ maxLength: 64, pattern: '^[A-Z0-9_]+$' });

export const HelpRequestBodySchema = Type.Object(
  {
    kioskId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    serviceKey: Type.Union([Type.String({ maxLength: 64, pattern: '^[a-z-]+$' }), Type.Null()]),
    /** Default assistance (the person tapped 呼叫工作人员). */
    reason: Type.Optional(HelpReasonSchema),
    detail: Type.Optional(Type.Union([HelpDetailSchema, Type.Null()])),
    /**
     * The centre the kiosk stands in (its `?centre=`): that centre's windows see the request and
     * are told live. Without it (or with a centre the server does not know) every centre sees it.
     */
    centreId: Type.Optional(CentreId),
  },
  { additionalProperties: false },
);
export type HelpRequestBody = Static<typeof HelpRequestBodySchema>;

export const HelpRequestSchema = Type.Object({
  id: Type.Integer(),
  kioskId: Type.String(),
  /** Null: the kiosk did not say, so every centre's windows see it. */
  centreId: Type.Union([CentreId, Type.Null()]),
  serviceKey: Type.Union([Type.String(), Type.Null()]),
  reason: HelpReasonSchema,
  detail: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.String({ format: 'date-time' }),
  /** Both null while open; set together when a clerk marks it 已处理. */
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
});
export type HelpRequest = Static<typeof HelpRequestSchema>;

export const HelpRequestParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export type HelpRequestParams = Static<typeof HelpRequestParamsSchema>;
