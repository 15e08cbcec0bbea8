import { Type, type Static } from 'typebox';
import { PriorityClassSchema } from '../queue/priority-class';

/**
 * Statistics of a centre's day under /api/v1/admin (staff session cookie; supervisors for their
 * own centre, officers for any). Counts and durations only: no ticket holder, no person index,
 * so reading them is not audited.
 *
 *   GET /admin/centres                                        → AdminCentresResponse
 *   GET /admin/centres/:centreId/statistics?date=YYYY-MM-DD   → CentreDayStatistics
 *   GET /admin/centres/:centreId/statistics.csv?date=…        → text/csv (UTF-8 with BOM)
 */

const LocalizedNameSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const CentreIdSchema = Type.String({ pattern: '^[A-Za-z0-9-]{1,32}$', description: 'e.g. xuhui-tianping' });
const DateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Shanghai' });
const Count = Type.Integer({ minimum: 0 });

export const StatisticsParamsSchema = Type.Object({ centreId: CentreIdSchema });
export type StatisticsParams = Static<typeof StatisticsParamsSchema>;

export const StatisticsQuerySchema = Type.Object(
  {
    /** Default: today in Shanghai. */
    date: Type.Optional(DateSchema),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuerySchema>;

export const AdminCentresResponseSchema = Type.Object({
  /** The centres this staff member may see: a supervisor's own, every centre for an officer. */
  centres: Type.Array(Type.Object({ centreId: CentreIdSchema, name: LocalizedNameSchema })),
});
export type AdminCentresResponse = Static<typeof AdminCentresResponseSchema>;

/**
 * Average, median, 90th percentile (continuous, as PostgreSQL's percentile_cont) and maximum of
 * a set of durations, in whole seconds; null when `count` is 0.
 */
export const DurationStatsSchema = Type.Object({
  count: Count,
  averageSeconds: Type.Union([Count, Type.Null()]),
  medianSeconds: Type.Union([Count, Type.Null()]),
  p90Seconds: Type.Union([Count, Type.Null()]),
  maxSeconds: Type.Union([Count, Type.Null()]),
});
export type DurationStats = Static<typeof DurationStatsSchema>;

/**
 * Counts by outcome. `called`: tickets called at least once (called_at set). `served`: status
 * done. `transferred`: tickets a window sent on, to another category or to one counter by name
 * (transferred_from_counter set; a transfer puts the ticket back to waiting, never a status of its
 * own). `waiting`: in a line now (status waiting), transferred ones not called again included.
 * `recalls`: calls beyond the first at the window that called it last (call_count − 1 summed; a
 * transfer starts the count anew, so recalls before a transfer are not in it).
 *
 * Per category and per counter a transferred ticket counts where each step happened: issued,
 * called, transferred and its waiting time under the category that numbered it (issued_category)
 * and the counter that transferred it; served, no-show, cancelled, waiting, recalls and its
 * service time under the category and counter that have it now. Totals count every ticket once.
 */
export const TicketCountsSchema = Type.Object({
  issued: Count,
  called: Count,
  served: Count,
  noShow: Count,
  cancelled: Count,
  transferred: Count,
  waiting: Count,
  recalls: Count,
});
export type TicketCounts = Static<typeof TicketCountsSchema>;

/**
 * Waiting time: issued → first call. Service time: last call (the one the person answered: after
 * a recall or a transfer) → finished, for served tickets. A transferred ticket's time at its first
 * window and its second wait are in neither.
 */
const TimesSchema = { waitingTime: DurationStatsSchema, serviceTime: DurationStatsSchema };

export const CategoryStatisticsSchema = Type.Object({
  code: Type.String({ pattern: '^[A-Z]$' }),
  name: LocalizedNameSchema,
  counts: TicketCountsSchema,
  ...TimesSchema,
});
export type CategoryStatistics = Static<typeof CategoryStatisticsSchema>;

/**
 * Tickets by counter (tickets never called belong to no counter): served, no-show, recalls and
 * service time at the counter that called it last; issued, called, transferred and waiting time at
 * the counter that called it first — for a ticket transferred twice, the one that transferred it last.
 */
export const CounterStatisticsSchema = Type.Object({
  counterNumber: Type.Integer({ minimum: 1, maximum: 99 }),
  counts: TicketCountsSchema,
  ...TimesSchema,
});
export type CounterStatistics = Static<typeof CounterStatisticsSchema>;

export const CentreDayStatisticsSchema = Type.Object({
  centreId: CentreIdSchema,
  name: LocalizedNameSchema,
  date: DateSchema,
  totals: Type.Object({ counts: TicketCountsSchema, ...TimesSchema }),
  /** Every category of the centre, in its display order, zeros included. */
  byCategory: Type.Array(CategoryStatisticsSchema),
  /** Every counter of the centre, plus any other counter number that called a ticket that day. */
  byCounter: Type.Array(CounterStatisticsSchema),
  priority: Type.Object({
    /** Tickets with at least one priority class (优先办). */
    tickets: Count,
    /** tickets / issued, 0 when nothing was issued. */
    share: Type.Number({ minimum: 0, maximum: 1 }),
    /** Per class; a ticket with two classes counts in both. Every class, zeros included. */
    byClass: Type.Array(Type.Object({ priorityClass: PriorityClassSchema, tickets: Count })),
  }),
  /** Tickets issued in each hour of the Shanghai day, 24 entries (hour 0–23). */
  issuedPerHour: Type.Array(Type.Object({ hour: Type.Integer({ minimum: 0, maximum: 23 }), issued: Count }), { minItems: 24, maxItems: 24 }),
});
export type CentreDayStatistics = Static<typeof CentreDayStatisticsSchema>;
