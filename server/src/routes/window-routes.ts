import {
  CounterParamsSchema,
  CounterViewSchema,
  HelpRequestParamsSchema,
  HelpRequestSchema,
  TicketHolderParamsSchema,
  TicketHolderViewSchema,
  TransferRequestSchema,
  WindowCentreParamsSchema,
  WindowHelpRequestsSchema,
  type CounterView,
} from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { HelpRequests } from '../help/help-requests';
import { TicketHolders } from '../queue/ticket-holders';
import { requireCentre, WindowService, type WindowActor } from '../queue/window-service';
import type { StaffUser } from '../staff/staff-accounts';
import { errorResponses } from './error-responses';

type CounterAction = 'open' | 'close' | 'pause' | 'resume' | 'call-next' | 'recall' | 'no-show' | 'finish';

const COMMON_ERRORS = '401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN, STAFF_CENTRE_FORBIDDEN; 404 QUEUE_CENTRE_NOT_FOUND, COUNTER_NOT_FOUND; 400 VALIDATION_FAILED';

const ACTIONS: Record<CounterAction, { summary: string; errors: string; run: (w: WindowService, a: WindowActor, c: string, n: number) => Promise<CounterView> }> = {
  open: {
    summary: 'Open a counter (it becomes the caller’s)',
    errors: '409 COUNTER_HELD_BY_OTHER (open for someone else; supervisors too). Opening one’s own open counter changes nothing.',
    run: (w, a, c, n) => w.open(a, c, n),
  },
  close: { summary: 'Close a counter', errors: '409 CURRENT_TICKET_OPEN, COUNTER_HELD_BY_OTHER.', run: (w, a, c, n) => w.close(a, c, n) },
  pause: { summary: 'Pause a counter (no calls until resumed)', errors: '409 COUNTER_NOT_OPEN, COUNTER_HELD_BY_OTHER.', run: (w, a, c, n) => w.pause(a, c, n) },
  resume: { summary: 'Resume a paused counter', errors: '409 COUNTER_NOT_OPEN, COUNTER_HELD_BY_OTHER.', run: (w, a, c, n) => w.resume(a, c, n) },
  'call-next': {
    summary: 'Call the next ticket (叫号), by the fair interleave; the answer says why it is next',
    errors:
      'A ticket transferred to this counter by name comes first. 409 QUEUE_EMPTY; COUNTER_NOT_OPEN (paused or closed); ' +
      'CURRENT_TICKET_OPEN (finish or no-show the current ticket first); COUNTER_HELD_BY_OTHER.',
    run: (w, a, c, n) => w.callNext(a, c, n),
  },
  recall: { summary: 'Call the current ticket again (重呼)', errors: '409 NO_CURRENT_TICKET, COUNTER_NOT_OPEN, COUNTER_HELD_BY_OTHER.', run: (w, a, c, n) => w.recall(a, c, n) },
  'no-show': { summary: 'The current ticket did not come (过号)', errors: '409 NO_CURRENT_TICKET, COUNTER_HELD_BY_OTHER.', run: (w, a, c, n) => w.noShow(a, c, n) },
  finish: { summary: 'The current ticket is done (办结)', errors: '409 NO_CURRENT_TICKET, COUNTER_HELD_BY_OTHER.', run: (w, a, c, n) => w.finish(a, c, n) },
};

function actor(request: FastifyRequest): StaffUser {
  // requireStaff ran as preHandler: the user is there.
  return request.staffUser!;
}

/**
 * /window: the window terminal (staff and supervisors of the centre, session cookie). A counter
 * is held by the staff member who opened it; every action appends a QueueEvent in its own
 * transaction and answers with the counter as it is now.
 */
export const windowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const windows = new WindowService(app.db, app.clock);
  const holders = new TicketHolders(app.db, app.registry, app.clock);
  const help = new HelpRequests(app.db, app.clock);
  const preHandler = app.requireStaff('staff', 'supervisor');

  app.get(
    '/window/centres/:centreId/counters/:number',
    {
      preHandler,
      schema: {
        tags: ['window'],
        summary: 'A counter: its state, current ticket, what is next and why, and the tickets it may call',
        description: `Errors: ${COMMON_ERRORS}.`,
        params: CounterParamsSchema,
        response: { 200: CounterViewSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => windows.view(actor(request), request.params.centreId, request.params.number),
  );

  for (const [action, { summary, errors, run }] of Object.entries(ACTIONS)) {
    app.post(
      `/window/centres/:centreId/counters/:number/${action}`,
      {
        preHandler,
        schema: {
          tags: ['window'],
          summary,
          description: `Errors: ${errors} ${COMMON_ERRORS}.`,
          params: CounterParamsSchema,
          response: { 200: CounterViewSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
        },
      },
      async (request) => run(windows, actor(request), request.params.centreId, request.params.number),
    );
  }

  app.post(
    '/window/centres/:centreId/counters/:number/transfer',
    {
      preHandler,
      schema: {
        tags: ['window'],
        summary: 'Transfer the current ticket to another category (back in line, keeping its number and place) or to a counter (called there next)',
        description:
          'Errors: 400 TRANSFER_TARGET_REQUIRED (exactly one of toCategory, toCounter), TRANSFER_TO_SAME_COUNTER; 404 QUEUE_CATEGORY_NOT_FOUND, ' +
          `COUNTER_NOT_FOUND; 409 NO_CURRENT_TICKET, TRANSFER_TARGET_CLOSED, COUNTER_HELD_BY_OTHER. ${COMMON_ERRORS}.`,
        params: CounterParamsSchema,
        body: TransferRequestSchema,
        response: { 200: CounterViewSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500) },
      },
    },
    async (request) => windows.transfer(actor(request), request.params.centreId, request.params.number, request.body),
  );

  app.get(
    '/window/tickets/:ticketId/holder',
    {
      preHandler,
      schema: {
        tags: ['window'],
        summary: 'Who holds the ticket being served, masked, and what they submitted at a kiosk today (audited)',
        description:
          'Only for a ticket taken with an ID card and being served now. Every read is written to staff_audit (who, when, ' +
          'which ticket, reason window-call). Errors: 404 QUEUE_TICKET_NOT_FOUND, TICKET_HOLDER_UNKNOWN (taken without a card, or ' +
          'the person is not in the registry); 409 TICKET_NOT_CALLED; 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN, ' +
          'STAFF_CENTRE_FORBIDDEN; 400 VALIDATION_FAILED.',
        params: TicketHolderParamsSchema,
        response: { 200: TicketHolderViewSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return holders.read(actor(request), request.params.ticketId, request.ip);
    },
  );

  app.get(
    '/window/centres/:centreId/help-requests',
    {
      preHandler,
      schema: {
        tags: ['window'],
        summary: 'Open help requests (呼叫工作人员) of the centre’s kiosks and of kiosks that named no centre, oldest first',
        description:
          'centreId is null on a request every centre sees (the kiosk did not say its centre). help.requested and help.resolved ' +
          'queue events say when to read this again. Errors: 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN, ' +
          'STAFF_CENTRE_FORBIDDEN; 400 VALIDATION_FAILED.',
        params: WindowCentreParamsSchema,
        response: { 200: WindowHelpRequestsSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      requireCentre(actor(request), request.params.centreId);
      return { centreScoped: true, requests: await help.openFor(request.params.centreId) };
    },
  );

  app.post(
    '/window/help-requests/:id/resolve',
    {
      preHandler,
      schema: {
        tags: ['window'],
        summary: 'Mark a help request resolved (已处理); every window of the centre drops it (help.resolved queue event)',
        description:
          'Staff and supervisors of the request’s centre; a request without a centre, those of any centre. Errors: ' +
          '404 HELP_REQUEST_NOT_FOUND; 409 HELP_REQUEST_ALREADY_RESOLVED; 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN, ' +
          'STAFF_CENTRE_FORBIDDEN (another centre’s request); 400 VALIDATION_FAILED.',
        params: HelpRequestParamsSchema,
        response: { 200: HelpRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => help.resolve(actor(request), request.params.id),
  );
};
