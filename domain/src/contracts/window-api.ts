import { Type, type Static } from 'typebox';
import { PriorityClassSchema } from '../queue/priority-class';
import { HelpRequestSchema } from './help-request-api';
import { CounterStateSchema } from './queue-events';

/**
 * The window terminal's API under /api/v1/window (staff session cookie; roles staff and
 * supervisor). A counter is opened by the staff member sitting at it; calls go through the
 * centre's fair interleave (chooseNextTicket) with the counter's run of priority calls kept in
 * the database, and every call says why this ticket is next.
 *
 *   GET  /window/centres/:centreId/counters/:number                 → CounterView
 *   POST /window/centres/:centreId/counters/:number/open|close|pause|resume → CounterView
 *   POST /window/centres/:centreId/counters/:number/call-next      → CounterView (409 QUEUE_EMPTY)
 *   POST /window/centres/:centreId/counters/:number/recall         → CounterView (409 NO_CURRENT_TICKET)
 *   POST /window/centres/:centreId/counters/:number/no-show        → CounterView
 *   POST /window/centres/:centreId/counters/:number/finish         → CounterView
 *   POST /window/centres/:centreId/counters/:number/transfer  TransferRequest → CounterView
 *   GET  /window/tickets/:ticketId/holder                          → TicketHolderView (audited read)
 *   GET  /window/centres/:centreId/help-requests                   → WindowHelpRequests
 *   POST /window/help-requests/:id/resolve                          → HelpRequest (已处理)
 *
 * Rules a window clerk relies on (server/src/queue/window-service.ts):
 * - open: a closed counter becomes the caller's; open again by its holder changes nothing;
 *   held by someone else → 409 COUNTER_HELD_BY_OTHER. A supervisor may act on any counter of
 *   the centre (e.g. close one a colleague left open); staff only on the counter they hold.
 * - call-next with a current ticket still called → 409 CURRENT_TICKET_OPEN: finish or no-show
 *   it first (so statistics never count a no-show as served). Paused or closed → 409
 *   COUNTER_NOT_OPEN. Nothing waiting → 409 QUEUE_EMPTY.
 * - recall works while open only; finish, no-show and transfer also while paused.
 * - close with a current ticket → 409 CURRENT_TICKET_OPEN.
 * - transfer: exactly one of toCategory / toCounter (400 TRANSFER_TARGET_REQUIRED); to the same
 *   counter 400 TRANSFER_TO_SAME_COUNTER; to a closed counter 409 TRANSFER_TARGET_CLOSED.
 * - help requests: the centre's own plus those without a centre; resolve by staff of that
 *   centre (any centre for one without a centre): 404 HELP_REQUEST_NOT_FOUND, 409
 *   HELP_REQUEST_ALREADY_RESOLVED, 403 STAFF_CENTRE_FORBIDDEN for another centre's request.
 * - holder: only for a ticket that is called now (409 TICKET_NOT_CALLED); 404
 *   TICKET_HOLDER_UNKNOWN when it was taken without a card or the person is not in the registry.
 * Other codes: 401 STAFF_SESSION_REQUIRED, 403 STAFF_ROLE_FORBIDDEN, 403 STAFF_CENTRE_FORBIDDEN
 * (another centre), 404 QUEUE_CENTRE_NOT_FOUND, COUNTER_NOT_FOUND, QUEUE_TICKET_NOT_FOUND,
 * 409 NO_CURRENT_TICKET, 400 VALIDATION_FAILED.
 */

const CentreId = Type.String({ pattern: '^[A-Za-z0-9-]{1,32}$' });
const CategoryCode = Type.String({ pattern: '^[A-Z]$' });
const TicketNo = Type.String({ pattern: '^[A-Z]\\d{3}$' });
const CounterNumber = Type.Integer({ minimum: 1, maximum: 99 });

export const CounterParamsSchema = Type.Object({ centreId: CentreId, number: Type.Integer({ minimum: 1, maximum: 99 }) });
export type CounterParams = Static<typeof CounterParamsSchema>;

export const WindowCentreParamsSchema = Type.Object({ centreId: CentreId });
export const TicketHolderParamsSchema = Type.Object({ ticketId: Type.String({ format: 'uuid' }) });

/** Why a ticket is (or was) next: the data of CallReason (domain queue); describeCallReason words it. */
export const CallReasonSchema = Type.Union([
  Type.Object({ code: Type.Literal('normal-waited-too-long'), waitedMinutes: Type.Integer(), maxNormalWaitMinutes: Type.Integer() }),
  Type.Object({ code: Type.Literal('priority'), priorityClass: PriorityClassSchema }),
  Type.Object({ code: Type.Literal('interleave-normal-turn'), consecutivePriorityCalls: Type.Integer(), maxPriorityPerNormal: Type.Integer() }),
  Type.Object({ code: Type.Literal('first-come') }),
  /** Transferred to this counter by name: it goes before the counter's line. */
  Type.Object({ code: Type.Literal('transferred-to-counter'), fromCounter: CounterNumber }),
]);

/** A waiting ticket as staff see it: the priority classes are visible to staff, names are not. */
export const WindowWaitingTicketSchema = Type.Object({
  ticketId: Type.String({ format: 'uuid' }),
  ticketNo: TicketNo,
  category: CategoryCode,
  priority: Type.Array(PriorityClassSchema),
  issuedAt: Type.String({ format: 'date-time' }),
  /** Set when transferred to one counter by name. */
  targetCounter: Type.Union([CounterNumber, Type.Null()]),
});
export type WindowWaitingTicket = Static<typeof WindowWaitingTicketSchema>;

export const CurrentTicketSchema = Type.Object({
  ticketId: Type.String({ format: 'uuid' }),
  ticketNo: TicketNo,
  category: CategoryCode,
  priority: Type.Array(PriorityClassSchema),
  issuedAt: Type.String({ format: 'date-time' }),
  calledAt: Type.String({ format: 'date-time' }),
  /** 1 on the first call; each recall adds one. */
  callCount: Type.Integer({ minimum: 1 }),
  reason: CallReasonSchema,
  /** True when the ticket was taken with an ID card: GET …/holder shows who (masked, audited). */
  hasHolder: Type.Boolean(),
});
export type CurrentTicket = Static<typeof CurrentTicketSchema>;

export const CounterViewSchema = Type.Object({
  centreId: CentreId,
  number: CounterNumber,
  categories: Type.Array(CategoryCode),
  state: CounterStateSchema,
  /** Who has the counter open; null when closed. */
  staffUsername: Type.Union([Type.String(), Type.Null()]),
  /** Priority calls in a row at this counter (the interleave's memory, kept in the database). */
  consecutivePriorityCalls: Type.Integer({ minimum: 0 }),
  current: Type.Union([CurrentTicketSchema, Type.Null()]),
  /** What call-next would call now, and why; null when nothing waits for this counter. */
  next: Type.Union([Type.Object({ ticketNo: TicketNo, reason: CallReasonSchema }), Type.Null()]),
  /** Tickets this counter may call, in arrival order. */
  waiting: Type.Array(WindowWaitingTicketSchema),
  /** Every counter of the centre, for transfers. */
  counters: Type.Array(Type.Object({ number: CounterNumber, categories: Type.Array(CategoryCode), state: CounterStateSchema })),
  categoryNames: Type.Array(Type.Object({ code: CategoryCode, name: Type.Object({ zh: Type.String(), en: Type.String() }) })),
});
export type CounterView = Static<typeof CounterViewSchema>;

/** Exactly one of toCategory (back in that line, keeping its place) or toCounter (that window next). */
export const TransferRequestSchema = Type.Object(
  { toCategory: Type.Optional(CategoryCode), toCounter: Type.Optional(CounterNumber) },
  { additionalProperties: false },
);
export type TransferRequest = Static<typeof TransferRequestSchema>;

/**
 * Who holds a ticket taken with an ID card, and what they already chose at the kiosk, so nobody
 * asks twice. Masked; reading it is audited (staff_audit).
 */
export const TicketHolderViewSchema = Type.Object({
  maskedName: Type.String(),
  maskedIdNumber: Type.String(),
  age: Type.Integer({ minimum: 0 }),
  priority: Type.Array(PriorityClassSchema),
  /** Applications submitted at a kiosk today by this person. */
  applicationsToday: Type.Array(
    Type.Object({
      applicationNo: Type.String(),
      submittedAt: Type.String({ format: 'date-time' }),
      services: Type.Array(Type.Object({ serviceKey: Type.String(), name: Type.Object({ zh: Type.String(), en: Type.String() }) })),
    }),
  ),
});
export type TicketHolderView = Static<typeof TicketHolderViewSchema>;

/** A kiosk's open 呼叫工作人员 (or printer fault), as the window sees it (centreId null: not tied to a centre). */
export const WindowHelpRequestSchema = HelpRequestSchema;

export const WindowHelpRequestsSchema = Type.Object({
  /**
   * True: `requests` holds the open requests of this centre's kiosks plus those that named no
   * centre (centreId null, every centre sees them), oldest first.
   */
  centreScoped: Type.Boolean(),
  requests: Type.Array(WindowHelpRequestSchema),
});
export type WindowHelpRequests = Static<typeof WindowHelpRequestsSchema>;
