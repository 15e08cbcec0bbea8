import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HelpRequests } from '../help/help-requests';
import { errorResponses } from './error-responses';

const HelpReasonSchema = Type.Union([Type.Literal('assistance'), Type.Literal('printer-fault')]);

const HelpRequestSchema = Type.Object({
  id: Type.Integer(),
  kioskId: Type.String(),
  serviceKey: Type.Union([Type.String(), Type.Null()]),
  reason: HelpReasonSchema,
  detail: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.String({ format: 'date-time' }),
});

const HelpRequestBodySchema = Type.Object(
  {
    kioskId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    serviceKey: Type.Union([Type.String({ maxLength: 64, pattern: '^[a-z-]+$' }), Type.Null()]),
    /** Default assistance (the person tapped 呼叫工作人员). */
    reason: Type.Optional(HelpReasonSchema),
    /** A stable code, e.g. PRINTER_PAPER_OUT; never personal data. */
    detail: Type.Optional(Type.Union([Type.String({ maxLength: 64, pattern: '^[A-Z0-9_]+$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** 呼叫工作人员 from a kiosk, and the open requests for the staff who answer them. */
export const helpRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const help = new HelpRequests(app.db, app.clock);

  app.post(
    '/help-requests',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'A kiosk calls for staff (呼叫工作人员)',
        description:
          'Idempotent per kiosk and reason while its request is open. A kiosk also calls with reason printer-fault when a receipt is held by the printer. Errors: 400 VALIDATION_FAILED, INVALID_JSON; 413; 415.',
        body: HelpRequestBodySchema,
        response: { 201: HelpRequestSchema, ...errorResponses(400, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(await help.request(request.body)),
  );

  app.get(
    '/help-requests',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'Open help requests, oldest first',
        response: { 200: Type.Array(HelpRequestSchema) },
      },
    },
    async () => help.open(),
  );
};
