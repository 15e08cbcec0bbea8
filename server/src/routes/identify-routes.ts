import { IdentifyRequestSchema, IdentifyResponseSchema } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from './error-responses';

/** POST /identify: ID card in, masked person, eligibility and an identify token out. */
export const identifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/identify',
    {
      schema: {
        tags: ['people'],
        summary: 'Identify the person whose ID card is on the reader',
        description:
          'Validates the ID number (GB 11643 check digit) and the card validity, looks the person up in the resident registry, ' +
          'evaluates every service of the catalogue and returns a 15-minute identify token. Errors: 400 VALIDATION_FAILED, ' +
          'INVALID_JSON, INVALID_ID_NUMBER, CARD_EXPIRED; 413; 415.',
        body: IdentifyRequestSchema,
        response: { 200: IdentifyResponseSchema, ...errorResponses(400, 413, 415, 500) },
      },
    },
    async (request) => app.identifyService.identify(request.body),
  );
};
