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
 * done. `waiting`: not called yet (still waiting at the end of the day, or now for today).
 */
export const TicketCountsSchema = Type.Object({
  issued: Count,
  called: Count,
  served: Count,
  noShow: Count,
  cancelled: Count,
  transferred: Count,
  waiting: Count,
});
export type TicketCounts = Static<typeof TicketCountsSchema>;

/** Waiting time: issued → first call. Service time: first call → finished, for served tickets. */
const TimesSchema = { waitingTime: DurationStatsSchema, serviceTime: DurationStatsSchema };

export const CategoryStatisticsSchema = Type.Object({
  code: Type.String({ pattern: '^[A-Z]$' }),
  name: LocalizedNameSchema,
  counts: TicketCountsSchema,
  ...TimesSchema,
});
export type CategoryStatistics = Static<typeof CategoryStatisticsSchema>;

/** Tickets by the counter that called them last (tickets never called belong to no counter). */
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
