import { IdentifyRefreshRequestSchema, IdentifyRequestSchema, IdentifyResponseSchema } from '@eldercare/domain';
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

  app.post(
    '/identify/refresh',
    {
      schema: {
        tags: ['people'],
        summary: 'Describe the identified person again (after an application)',
        description:
          'Same answer as /identify for the person a valid identify token stands for, with what changed since (a senior card ' +
          'now pending, a new allowance channel). The token and its expiry are unchanged. Errors: 400 VALIDATION_FAILED, ' +
          'INVALID_JSON; 401 IDENTIFY_TOKEN_INVALID; 413; 415.',
        body: IdentifyRefreshRequestSchema,
        response: { 200: IdentifyResponseSchema, ...errorResponses(400, 401, 413, 415, 500) },
      },
    },
    async (request) => app.identifyService.refresh(request.body.identifyToken),
  );
};
