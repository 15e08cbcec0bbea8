import {
  CentreParamsSchema,
  CentreViewSchema,
  isValidIsoDate,
  IssuedTicketSchema,
  IssueTicketRequestSchema,
  TicketStatusParamsSchema,
  TicketStatusViewSchema,
} from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IDEMPOTENCY_KEY_PATTERN } from '../applications/idempotency-keys';
import { ValidationFailedError } from '../errors/api-errors';
import { errorResponses } from './error-responses';

const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.String({
    pattern: IDEMPOTENCY_KEY_PATTERN,
    description: '1–128 visible ASCII characters, chosen by the kiosk once per ticket and sent again on every retry.',
  }),
});

/** /queue: issuing tickets at a kiosk, following one's turn, a centre's state. */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/queue/tickets',
    {
      schema: {
        tags: ['queue'],
        summary: 'Take a queue ticket (取号)',
        description:
          'Numbers are per centre, category and Shanghai day (A001–A999), from the database: no repeats and no gaps across ' +
          'server instances. With an identifyToken from /identify the person’s priority classes (优先办: 80 or older, registry ' +
          'flags) are detected; without one the ticket is a normal one. Requires an Idempotency-Key: the same key with the same ' +
          'body returns the same ticket (201, header Idempotent-Replayed: true); with a different body 422 IDEMPOTENCY_KEY_REUSED. ' +
          'Errors: 400 VALIDATION_FAILED, INVALID_JSON, IDEMPOTENCY_KEY_REQUIRED; 401 IDENTIFY_TOKEN_INVALID; ' +
          '404 QUEUE_CENTRE_NOT_FOUND, QUEUE_CATEGORY_NOT_FOUND; 409 QUEUE_TICKETS_EXHAUSTED (999 tickets of the category today); ' +
          '413; 415; 422 IDEMPOTENCY_KEY_REUSED.',
        headers: IdempotencyHeadersSchema,
        body: IssueTicketRequestSchema,
        response: { 201: IssuedTicketSchema, ...errorResponses(400, 401, 404, 409, 413, 415, 422, 500) },
      },
    },
    async (request, reply) => {
      const { ticket, replayed } = await app.queueService.issue(request.body, request.headers['idempotency-key']);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(ticket);
    },
  );

  app.get(
    '/queue/tickets/:centreId/:date/:ticketNo',
    {
      schema: {
        tags: ['queue'],
        summary: 'Public status of one ticket (what the ticket’s QR code leads to)',
        description:
          'Status, people ahead, estimated wait and, once called, the counter. No personal data and no priority classes. ' +
          'Errors: 400 VALIDATION_FAILED; 404 QUEUE_TICKET_NOT_FOUND.',
        params: TicketStatusParamsSchema,
        response: { 200: TicketStatusViewSchema, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => {
      // The pattern lets 2026-02-30 through; the database would refuse it with a 500.
      if (!isValidIsoDate(request.params.date)) throw new ValidationFailedError([{ path: '/date', message: 'not a calendar date' }]);
      return app.queueService.status(request.params);
    },
  );

  app.get(
    '/queue/centres/:centreId',
    {
      schema: {
        tags: ['queue'],
        summary: 'A centre’s ticket categories, counters and people waiting today',
        description: 'Errors: 400 VALIDATION_FAILED; 404 QUEUE_CENTRE_NOT_FOUND.',
        params: CentreParamsSchema,
        response: { 200: CentreViewSchema, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => app.queueService.centre(request.params.centreId),
  );
};
