import { ApplicationNoParamsSchema, ApplicationRequestSchema, ApplicationViewSchema } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IDEMPOTENCY_KEY_PATTERN } from '../applications/idempotency-keys';
import { NotFoundError } from '../errors/api-errors';
import { errorResponses, NotEligibleBodySchema } from './error-responses';

const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.String({
    pattern: IDEMPOTENCY_KEY_PATTERN,
    description: '1–128 visible ASCII characters, chosen by the client once per submission and sent again on every retry.',
  }),
});

/** POST /applications (the kiosk) and GET /applications/:applicationNo (staff). */
export const applicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Submit an application (one form, one number)',
        description:
          'Requires the identifyToken from /identify and an Idempotency-Key header. The same key with the same body returns ' +
          'the same application (201, header Idempotent-Replayed: true); with a different body 422 IDEMPOTENCY_KEY_REUSED. ' +
          'Errors: 400 VALIDATION_FAILED, INVALID_JSON, IDEMPOTENCY_KEY_REQUIRED, PROXY_SAME_PERSON, JOINT_FORM_MISMATCH, ' +
          'JOINT_NEEDS_ASSESSMENT, BANK_CARD_INVALID, MEAL_CHANGE_EMPTY, STREET_NOT_IN_DISTRICT, HOME_VISIT_UNKNOWN_SERVICE; ' +
          '401 IDENTIFY_TOKEN_INVALID (also for the proxy token); 403 NOT_ELIGIBLE (the senior\'s eligibility, never the proxy\'s); ' +
          '409 ALREADY_CHOSEN, MEAL_ASSISTANCE_PENDING, VOUCHER_ALREADY_CLAIMED; 413; 415; ' +
          '422 IDEMPOTENCY_KEY_REUSED, HOME_VISIT_NOT_ELIGIBLE, SERVICE_NOT_AVAILABLE.',
        headers: IdempotencyHeadersSchema,
        body: ApplicationRequestSchema,
        response: {
          201: ApplicationViewSchema,
          403: NotEligibleBodySchema,
          ...errorResponses(400, 401, 409, 413, 415, 422, 500),
        },
      },
    },
    async (request, reply) => {
      const { application, replayed } = await app.applicationService.submit(request.body, request.headers['idempotency-key']);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(application);
    },
  );

  app.get(
    '/applications/:applicationNo',
    {
      schema: {
        tags: ['applications'],
        summary: 'One application with the progress of every part (masked); staff only',
        description:
          'Any logged-in staff role. Numbers are sequential, so anyone could try them: citizens see progress through ' +
          'the receipt code or their ID card (/progress). Errors: 400 VALIDATION_FAILED (not an application number); ' +
          '401 STAFF_SESSION_REQUIRED; 404 NOT_FOUND.',
        params: ApplicationNoParamsSchema,
        response: { 200: ApplicationViewSchema, ...errorResponses(400, 401, 404, 500) },
      },
      preHandler: app.requireStaff(),
    },
    async (request) => {
      const application = await app.applicationService.get(request.params.applicationNo);
      if (!application) throw new NotFoundError('application');
      return application;
    },
  );
};
