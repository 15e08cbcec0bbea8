import { ProgressRequestSchema, ProgressResponseSchema, ReceiptCodeParamsSchema } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdentifyTokens } from '../identify/identify-tokens';
import { ProgressService } from '../progress/progress-service';
import { errorResponses } from './error-responses';

/** 一体管理: POST /progress (by the person's identify token) and GET /progress/receipt/:code. */
export const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new ProgressService(app.db, app.protector, app.registry, new IdentifyTokens(app.protector), app.clock);

  app.post(
    '/progress',
    {
      schema: {
        tags: ['progress'],
        summary: 'The progress of every application of the identified person (as the senior), newest first',
        description:
          'Each part with its department, status, plain words, the date its next step is due (working days) and whether it is late, ' +
          'and its history (dates and statuses only). Nothing personal beyond the masked name. ' +
          'Errors: 400 VALIDATION_FAILED; 401 IDENTIFY_TOKEN_INVALID.',
        body: ProgressRequestSchema,
        response: { 200: ProgressResponseSchema, ...errorResponses(400, 401, 413, 415, 500) },
      },
    },
    async (request) => service.forPerson(request.body.identifyToken),
  );

  app.get(
    '/progress/receipt/:code',
    {
      schema: {
        tags: ['progress'],
        summary: "One application's progress from its receipt's QR code",
        description:
          'The code is the application number, "-" and 10 check characters, e.g. YL20261122000123-7KQ2M9XWHD. A code that is malformed, ' +
          'whose check does not match (compared in constant time) or whose application does not exist answers 404 NOT_FOUND alike; ' +
          'a bare application number is guessable and shows nothing.',
        params: ReceiptCodeParamsSchema,
        response: { 200: ProgressResponseSchema, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => service.forReceipt(request.params.code),
  );
};
