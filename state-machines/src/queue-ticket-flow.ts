import type { CentreView, IssuedTicket } from '@eldercare/domain';
import { assign, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { idempotencyKeyFor, type IdempotencyKeys } from './idempotency-key';
import { IN_FLIGHT_TAG } from './service-flow-types';

/**
 * 取号: the person chooses a ticket category (A 养老服务, B 医保, …, with how many are waiting)
 * and the server issues a ticket. With an identify token (the person put their ID card down
 * first) the server detects priority (优先办); without one the ticket is a normal one. Printing
 * is the session's job, like a receipt's.
 */

export interface QueueTicketFlowInput {
  /** From identify; null when the ticket is taken without an ID card. */
  identifyToken: string | null;
}

/** Input of the host actor `issueTicket`: the host adds its centre and kiosk id. */
export interface IssueTicketInput {
  category: string;
  identifyToken: string | null;
  /** Send as the `Idempotency-Key` header; a retry sends the same key, so no second ticket. */
  idempotencyKey: string;
}

/** The issued ticket and the centre name its paper ticket is headed with. */
export interface QueueTicketIssued {
  ticket: IssuedTicket;
  centreName: CentreView['name'];
}

/** `issued`: print it; `back`: the person went back or cancelled before a ticket was issued. */
export type QueueTicketFlowOutput = ({ kind: 'issued' } & QueueTicketIssued) | { kind: 'back' };

export interface QueueTicketFlowContext {
  identifyToken: string | null;
  /** The centre's categories and waiting counts, as loaded when the flow started (or retried). */
  centre: CentreView | null;
  /** The category chosen last. */
  category: string | null;
  idempotencyKeys: IdempotencyKeys;
  /** The request in flight or last failed; a retry sends exactly this again. */
  submission: IssueTicketInput | null;
  ticket: IssuedTicket | null;
  /** Stable code of the last failure (loading the centre or issuing), null when none or unknown. */
  errorCode: string | null;
}

export type QueueTicketFlowEvent =
  | { type: 'category.choose'; category: string }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' };

function requireSubmission(context: QueueTicketFlowContext): IssueTicketInput {
  if (context.submission === null) throw new Error('queueTicketFlow: issuing without a submission');
  return context.submission;
}

function issuedOutput(context: QueueTicketFlowContext): QueueTicketFlowOutput {
  if (context.ticket === null || context.centre === null) throw new Error('queueTicketFlow: issued without a ticket');
  return { kind: 'issued', ticket: context.ticket, centreName: context.centre.name };
}

export const queueTicketFlow = setup({
  types: {} as {
    context: QueueTicketFlowContext;
    events: QueueTicketFlowEvent;
    input: QueueTicketFlowInput;
    output: QueueTicketFlowOutput;
  },
  actors: {
    /** Host: GET /api/v1/queue/centres/:centreId of the kiosk's centre. */
    loadCentre: hostActorMissing<CentreView, void>('loadCentre'),
    /** Host: POST /api/v1/queue/tickets with the Idempotency-Key header; resolves the 201 body. */
    issueTicket: hostActorMissing<IssuedTicket, IssueTicketInput>('issueTicket'),
  },
  guards: {
    /** Only a category the centre has (a stale or forged tap is ignored). */
    isOffered: ({ context }, params: { category: string }) =>
      context.centre?.categories.some((c) => c.code === params.category) === true,
  },
  actions: {
    storeCentre: assign((_, params: { centre: CentreView }) => ({ centre: params.centre })),
    storeError: assign((_, params: { error: unknown }) => ({ errorCode: errorCode(params.error) })),
    clearError: assign({ errorCode: null }),
    prepareSubmission: assign(({ context }, params: { category: string }) => {
      // The key belongs to the answer: choosing the same category again after a failure (the
      // ticket may have been issued, the answer lost) can never issue a second ticket.
      const { key, keys } = idempotencyKeyFor(context.idempotencyKeys, { category: params.category });
      return {
        category: params.category,
        idempotencyKeys: keys,
        submission: { category: params.category, identifyToken: context.identifyToken, idempotencyKey: key },
      };
    }),
    storeTicket: assign((_, params: { ticket: IssuedTicket }) => ({ ticket: params.ticket })),
  },
}).createMachine({
  id: 'queueTicketFlow',
  context: ({ input }) => ({
    identifyToken: input.identifyToken,
    centre: null,
    category: null,
    idempotencyKeys: {},
    submission: null,
    ticket: null,
    errorCode: null,
  }),
  initial: 'loadingCentre',
  // flow.cancel leaves from every screen; `issuing` overrides it (the request is out).
  on: { 'flow.cancel': '.back' },
  output: ({ event }) => event.output as QueueTicketFlowOutput,
  states: {
    loadingCentre: {
      entry: 'clearError',
      on: { 'flow.back': 'back' },
      invoke: {
        id: 'loadCentre',
        src: 'loadCentre',
        onDone: {
          target: 'choosingCategory',
          actions: { type: 'storeCentre', params: ({ event }) => ({ centre: event.output }) },
        },
        onError: {
          target: 'loadFailed',
          actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    loadFailed: {
      on: { 'flow.retry': 'loadingCentre', 'flow.back': 'back' },
    },
    choosingCategory: {
      on: {
        'category.choose': {
          guard: { type: 'isOffered', params: ({ event }) => ({ category: event.category }) },
          target: 'issuing',
          actions: { type: 'prepareSubmission', params: ({ event }) => ({ category: event.category }) },
        },
        'flow.back': 'back',
      },
    },
    issuing: {
      tags: [IN_FLIGHT_TAG],
      entry: 'clearError',
      on: { 'flow.cancel': {} },
      invoke: {
        id: 'issueTicket',
        src: 'issueTicket',
        input: ({ context }) => requireSubmission(context),
        onDone: {
          target: 'issued',
          actions: { type: 'storeTicket', params: ({ event }) => ({ ticket: event.output }) },
        },
        onError: {
          target: 'issueFailed',
          actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    issueFailed: {
      on: { 'flow.retry': 'issuing', 'flow.back': 'choosingCategory' },
    },
    issued: { type: 'final', output: ({ context }) => issuedOutput(context) },
    back: { type: 'final', output: (): QueueTicketFlowOutput => ({ kind: 'back' }) },
  },
});
