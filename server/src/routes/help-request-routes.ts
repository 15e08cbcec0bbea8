import { HelpRequestBodySchema, HelpRequestSchema } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HelpRequests } from '../help/help-requests';
import { errorResponses } from './error-responses';

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
          'Idempotent per kiosk and reason while its request is open; once a window marks it resolved the next call is a new request. ' +
          'A kiosk also calls with reason printer-fault when a receipt or ticket printer needs a hand. With centreId (the kiosk’s ' +
          '?centre=) the request goes to that centre’s windows and a new one appends a help.requested queue event; without it, or ' +
          'with a centre the server does not know, every centre’s windows see it. Errors: 400 VALIDATION_FAILED, INVALID_JSON; 413; 415.',
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
        summary: 'Open help requests of every centre, oldest first',
        response: { 200: Type.Array(HelpRequestSchema) },
      },
    },
    async () => help.open(),
  );
};
