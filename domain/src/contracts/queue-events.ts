import { Type, type Static } from 'typebox';
import { HelpDetailSchema, HelpReasonSchema } from './help-request-api';

/**
 * What happens in a centre's waiting hall, as events: the call display and the window terminals
 * follow them live (SSE, GET /api/v1/queue/centres/:centreId/events) and replay what they missed
 * after a reconnect (Last-Event-ID). Public: no names, no ID numbers, no priority classes; a
 * display shows ticket numbers and counters only.
 */

const TicketNo = Type.String({ pattern: '^[A-Z]\\d{3}$' });
const CategoryCode = Type.String({ pattern: '^[A-Z]$' });
const CounterNumber = Type.Integer({ minimum: 1, maximum: 99 });

/** Waiting tickets per category after the event, so a display needs no second request. */
export const WaitingCountsSchema = Type.Array(Type.Object({ category: CategoryCode, waiting: Type.Integer({ minimum: 0 }) }));
export type WaitingCounts = Static<typeof WaitingCountsSchema>;

/** Which request, which kiosk, why: a stable detail code, never a name. */
const HelpEventFields = {
  requestId: Type.Integer({ minimum: 1 }),
  kioskId: Type.String({ maxLength: 64 }),
  reason: HelpReasonSchema,
  detail: Type.Union([HelpDetailSchema, Type.Null()]),
};

export const CounterStateSchema = Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]);
export type CounterState = Static<typeof CounterStateSchema>;

/** The event bodies; the log adds id, centreId and at. */
export const QueueEventBodySchema = Type.Union([
  Type.Object({ type: Type.Literal('ticket.issued'), ticketNo: TicketNo, category: CategoryCode, waiting: WaitingCountsSchema }),
  /** A call or a recall (callCount > 1): the display shows and speaks it. */
  Type.Object({
    type: Type.Literal('ticket.called'),
    ticketNo: TicketNo,
    category: CategoryCode,
    counterNumber: CounterNumber,
    callCount: Type.Integer({ minimum: 1 }),
    waiting: WaitingCountsSchema,
  }),
  Type.Object({ type: Type.Literal('ticket.finished'), ticketNo: TicketNo, counterNumber: CounterNumber }),
  Type.Object({ type: Type.Literal('ticket.noShow'), ticketNo: TicketNo, counterNumber: CounterNumber }),
  /** Back in the line under another category, or for one counter; keeps its place by issue time. */
  Type.Object({
    type: Type.Literal('ticket.transferred'),
    ticketNo: TicketNo,
    fromCounter: CounterNumber,
    toCategory: CategoryCode,
    toCounter: Type.Union([CounterNumber, Type.Null()]),
    waiting: WaitingCountsSchema,
  }),
  Type.Object({ type: Type.Literal('counter.changed'), counterNumber: CounterNumber, state: CounterStateSchema }),
  /** A kiosk of the centre asks for staff (new requests only); windows show it, displays ignore it. */
  Type.Object({ type: Type.Literal('help.requested'), ...HelpEventFields }),
  /** A clerk marked the request 已处理: every window drops it from its banner. */
  Type.Object({ type: Type.Literal('help.resolved'), ...HelpEventFields }),
]);
export type QueueEventBody = Static<typeof QueueEventBodySchema>;

const EVENT_ENVELOPE = {
  /** Increasing within a centre; the SSE id, and Last-Event-ID on reconnect. */
  id: Type.String({ pattern: '^\\d+$' }),
  centreId: Type.String(),
  at: Type.String({ format: 'date-time' }),
};

/**
 * Each body with the envelope's fields added. Not Type.Intersect: that pulls TypeBox's type
 * engine (~40 kB gzip) into every page's shared chunk, the kiosk's included.
 */
export const QueueEventSchema = Type.Union(QueueEventBodySchema.anyOf.map((body) => Type.Object({ ...EVENT_ENVELOPE, ...body.properties })));
export type QueueEvent = { id: string; centreId: string; at: string } & QueueEventBody;
