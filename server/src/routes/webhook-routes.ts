import {
  InboundPartEventResultSchema,
  InboundPartEventSchema,
  WebhookDeliveryListSchema,
  WebhookDeliveryQuerySchema,
  WebhookDepartmentParamsSchema,
  WebhookSubscriptionInputSchema,
  WebhookSubscriptionListSchema,
  WebhookSubscriptionViewSchema,
} from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { InvalidJsonError } from '../errors/api-errors';
import { listWebhookDeliveries } from '../webhooks/webhook-deliveries';
import { errorResponses } from './error-responses';

const SIGNATURE_DOC =
  'Signed like outbound deliveries: X-Eldercare-Timestamp (Unix seconds, within 5 minutes of the server clock) and ' +
  'X-Eldercare-Signature = hex HMAC-SHA256(secret, "<timestamp>.<raw body>").';

/**
 * Department webhooks: a supervisor manages the subscriptions and sees the deliveries; a
 * department system that took its parts over moves them through the signed inbound route.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary: 'Webhook subscriptions of the departments, with delivery counts (never the secret)',
        description: 'Errors: 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN (supervisors only).',
        response: { 200: WebhookSubscriptionListSchema, ...errorResponses(401, 403) },
      },
      preHandler: app.requireStaff('supervisor'),
    },
    async () => ({ subscriptions: await app.webhookSubscriptions.list() }),
  );

  app.put(
    '/admin/webhooks/:department',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create or replace a department’s subscription (url, secret, takeover, personal data)',
        description:
          'The secret is stored encrypted; leave it out to keep the stored one. Takeover applies to parts created from then on. ' +
          'Errors: 400 VALIDATION_FAILED, WEBHOOK_SECRET_REQUIRED (new subscription without a secret), WEBHOOK_URL_NOT_ALLOWED (this machine, link-local, or not in WEBHOOK_ALLOWED_ORIGINS); 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN.',
        params: WebhookDepartmentParamsSchema,
        body: WebhookSubscriptionInputSchema,
        response: { 200: WebhookSubscriptionViewSchema, ...errorResponses(400, 401, 403) },
      },
      preHandler: app.requireStaff('supervisor'),
    },
    async (request) => app.webhookSubscriptions.put(request.params.department, request.body, request.staffUser!.username),
  );

  app.delete(
    '/admin/webhooks/:department',
    {
      schema: {
        tags: ['admin'],
        summary: 'Remove a department’s subscription; its pending deliveries end as failed',
        description: 'Errors: 400 VALIDATION_FAILED; 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN; 404 WEBHOOK_SUBSCRIPTION_NOT_FOUND.',
        params: WebhookDepartmentParamsSchema,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff('supervisor'),
    },
    async (request, reply) => {
      await app.webhookSubscriptions.remove(request.params.department);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/webhooks/:department/deliveries',
    {
      schema: {
        tags: ['admin'],
        summary: 'A department’s deliveries, newest first: status, attempts, next attempt, last error',
        description: 'Errors: 400 VALIDATION_FAILED; 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN.',
        params: WebhookDepartmentParamsSchema,
        querystring: WebhookDeliveryQuerySchema,
        response: { 200: WebhookDeliveryListSchema, ...errorResponses(400, 401, 403) },
      },
      preHandler: app.requireStaff('supervisor'),
    },
    async (request) => ({ deliveries: await listWebhookDeliveries(app.db, request.params.department, request.query) }),
  );

  await app.register(inboundRoutes);
};

/** The raw body of each inbound request, which is what the signature covers. */
const rawBodies = new WeakMap<FastifyRequest, string>();

/** Its own scope: JSON is parsed from a string kept for the signature check, for this route only. */
const inboundRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    rawBodies.set(request, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new InvalidJsonError(), undefined);
    }
  });

  app.post(
    '/webhooks/:department/events',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'A department system that took its parts over moves one of them (signed; idempotent by eventId)',
        description:
          `${SIGNATURE_DOC} A replayed eventId answers 200 with applied: false and changes nothing. The move must be one canMovePart allows; ` +
          'visit-scheduled needs visitDate, assessed needs careLevel, as for officers (report-delivered releases waiting parts). History actor: external:<department>. ' +
          'Errors: 400 VALIDATION_FAILED, INVALID_JSON, VISIT_DATE_REQUIRED, VISIT_DATE_IN_PAST, CARE_LEVEL_REQUIRED, MOVE_FIELD_UNEXPECTED; ' +
          '401 WEBHOOK_SIGNATURE_INVALID; 403 WEBHOOK_TAKEOVER_OFF; 404 EXTERNAL_PART_NOT_FOUND; 409 PART_MOVE_NOT_ALLOWED, PART_CHANGED, NOTICE_PERIOD_RUNNING.',
        params: WebhookDepartmentParamsSchema,
        body: InboundPartEventSchema,
        response: { 200: InboundPartEventResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      // Before the body is validated: an unsigned request learns nothing about the schema.
      preValidation: async (request) => {
        const department = (request.params as { department: string }).department;
        const header = (name: string) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        await app.inboundPartEvents.verify(department, {
          rawBody: rawBodies.get(request) ?? '',
          timestamp: header('x-eldercare-timestamp'),
          signature: header('x-eldercare-signature'),
        });
      },
    },
    async (request) => app.inboundPartEvents.apply(request.params.department, request.body),
  );
};
