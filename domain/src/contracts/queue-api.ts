import { Type, type Static } from 'typebox';
import { PriorityClassSchema } from '../queue/priority-class';

/**
 * The queue part of the server API under /api/v1/queue: taking a ticket at a kiosk, following it
 * from a phone (public, no personal data), and a centre's categories, counters and waiting counts.
 */

const LocalizedNameSchema = Type.Object({ zh: Type.String(), en: Type.String() });

/** Same alphabet as the ELQ1 ticket QR (parse-scan-payload.ts), so every centre id fits a QR. */
const CentreIdSchema = Type.String({ pattern: '^[A-Za-z0-9-]{1,32}$', description: 'e.g. xuhui-tianping' });
/** One capital letter: the ticket prefix of a category. */
const CategoryCodeSchema = Type.String({ pattern: '^[A-Z]$', description: 'e.g. A' });
/** Prefix + 3 digits, restarting each Shanghai day. */
const TicketNoSchema = Type.String({ pattern: '^[A-Z]\\d{3}$', description: 'e.g. A012' });
/** A Shanghai calendar date. */
const QueueDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Shanghai' });


export const QueueTicketStatusSchema = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('done'),
  Type.Literal('no-show'),
  Type.Literal('transferred'),
  Type.Literal('cancelled'),
]);
export type QueueTicketStatus = Static<typeof QueueTicketStatusSchema>;

const TicketCategoryRefSchema = Type.Object({ code: CategoryCodeSchema, name: LocalizedNameSchema });

// ---- POST /api/v1/queue/tickets --------------------------------------------------------

export const IssueTicketRequestSchema = Type.Object(
  {
    centreId: CentreIdSchema,
    category: CategoryCodeSchema,
    /** From POST /identify: with it the person's priority classes are detected; without, a normal ticket. */
    identifyToken: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' })),
    /** Which kiosk asks, for statistics. */
    kioskId: Type.Optional(Type.String({ pattern: '^[\\x21-\\x7E]{1,64}$', description: '1–64 visible ASCII characters' })),
  },
  { additionalProperties: false },
);
export type IssueTicketRequest = Static<typeof IssueTicketRequestSchema>;

export const IssuedTicketSchema = Type.Object({
  ticketId: Type.String({ format: 'uuid' }),
  centreId: CentreIdSchema,
  date: QueueDateSchema,
  ticketNo: TicketNoSchema,
  category: TicketCategoryRefSchema,
  /** Empty for a normal ticket. Printed as 优先 on the ticket; never shown on the call display. */
  priority: Type.Array(PriorityClassSchema),
  peopleAhead: Type.Integer({ minimum: 0 }),
  /** Null while no counter serving the category is open: there is no honest number then. */
  estimatedWaitMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  issuedAt: Type.String({ format: 'date-time' }),
  /** The ticket's QR text, ELQ1:<centreId>:<yyyymmdd>:<ticketNo>. */
  qr: Type.String(),
  /** Public status of this ticket, relative to the server: GET it to follow one's turn. */
  followPath: Type.String(),
});
export type IssuedTicket = Static<typeof IssuedTicketSchema>;

// ---- GET /api/v1/queue/tickets/:centreId/:date/:ticketNo -------------------------------

export const TicketStatusParamsSchema = Type.Object({ centreId: CentreIdSchema, date: QueueDateSchema, ticketNo: TicketNoSchema });
export type TicketStatusParams = Static<typeof TicketStatusParamsSchema>;

/** Public: anybody holding the ticket number may see this, so it carries no personal data. */
export const TicketStatusViewSchema = Type.Object({
  centreId: CentreIdSchema,
  date: QueueDateSchema,
  ticketNo: TicketNoSchema,
  category: TicketCategoryRefSchema,
  status: QueueTicketStatusSchema,
  /** 0 unless waiting. */
  peopleAhead: Type.Integer({ minimum: 0 }),
  /** Null unless waiting with an open counter for the category. */
  estimatedWaitMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  issuedAt: Type.String({ format: 'date-time' }),
  calledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The window to go to, once called. */
  counterNumber: Type.Union([Type.Integer(), Type.Null()]),
});
export type TicketStatusView = Static<typeof TicketStatusViewSchema>;

// ---- GET /api/v1/queue/centres/:centreId -----------------------------------------------

export const CentreParamsSchema = Type.Object({ centreId: CentreIdSchema });

export const CentreViewSchema = Type.Object({
  centreId: CentreIdSchema,
  name: LocalizedNameSchema,
  /** Today in Shanghai: the day the waiting counts are for. */
  date: QueueDateSchema,
  categories: Type.Array(
    Type.Object({
      code: CategoryCodeSchema,
      name: LocalizedNameSchema,
      /** Per category, or the centre's rules default. */
      averageServiceMinutes: Type.Number({ exclusiveMinimum: 0 }),
      waiting: Type.Integer({ minimum: 0 }),
      /** Tickets of this category issued today. */
      issued: Type.Integer({ minimum: 0 }),
    }),
  ),
  counters: Type.Array(Type.Object({ number: Type.Integer({ minimum: 1 }), categories: Type.Array(CategoryCodeSchema), open: Type.Boolean() })),
});
export type CentreView = Static<typeof CentreViewSchema>;
