import {
  PRIORITY_CLASSES,
  type CentreDayStatistics,
  type DurationStats,
  type PriorityClass,
  type QueueTicketStatus,
  type TicketCounts,
} from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { CentreNotFoundError } from '../queue/queue-errors';

/** One ticket of the day as the CSV lists it: no holder, no person index, no kiosk. */
export interface StatisticsTicketRow {
  ticketNo: string;
  category: string;
  priority: PriorityClass[];
  issuedAt: Date;
  calledAt: Date | null;
  finishedAt: Date | null;
  counterNumber: number | null;
  status: QueueTicketStatus;
}

interface CentreRow {
  name_zh: string;
  name_en: string;
  categories: { code: string; name_zh: string; name_en: string }[];
  counters: number[];
}

/** One row of the grouped aggregate: totals, per category, or per counter (see `grouping`). */
interface AggregateRow {
  /** GROUPING(category, counter_number): 1 = by category, 2 = by counter, 3 = the whole day. */
  grouping: number;
  category: string | null;
  counter_number: number | null;
  issued: number;
  called: number;
  served: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  waiting: number;
  priority: number;
  w_count: number;
  w_avg: number | null;
  w_median: number | null;
  w_p90: number | null;
  w_max: number | null;
  s_count: number;
  s_avg: number | null;
  s_median: number | null;
  s_p90: number | null;
  s_max: number | null;
}

/** Durations in whole seconds: rounded as numeric (half away from zero), not as float8 (half to even). */
function durationColumns(prefix: string, seconds: string): string {
  const whole = (expr: string) => `round((${expr})::numeric)::int`;
  return `count(${seconds})::int AS ${prefix}_count,
    ${whole(`avg(${seconds})`)} AS ${prefix}_avg,
    ${whole(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds})`)} AS ${prefix}_median,
    ${whole(`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds})`)} AS ${prefix}_p90,
    ${whole(`max(${seconds})`)} AS ${prefix}_max`;
}

// Instances stamp times with their own clocks: a skew of a second must not make a negative wait.
// (CASE rather than greatest() alone: greatest ignores NULL, and a ticket never called has no wait.)
const WAITING_SECONDS = 'CASE WHEN t.called_at IS NOT NULL THEN greatest(0, extract(epoch FROM t.called_at - t.issued_at)) END';
// Only served tickets have a service time: a no-show's finished_at is when staff gave up on it.
const SERVICE_SECONDS = `CASE WHEN t.status = 'done' AND t.finished_at IS NOT NULL AND t.called_at IS NOT NULL
  THEN greatest(0, extract(epoch FROM t.finished_at - t.called_at)) END`;

/**
 * Totals, per category and per counter in one pass: GROUPING SETS with percentile_cont, which
 * PGlite and PostgreSQL both run. Nothing is summed in JavaScript.
 */
const AGGREGATE_SQL = `
  SELECT GROUPING(t.category, t.counter_number)::int AS grouping, t.category, t.counter_number,
    count(*)::int AS issued,
    count(t.called_at)::int AS called,
    count(*) FILTER (WHERE t.status = 'done')::int AS served,
    count(*) FILTER (WHERE t.status = 'no-show')::int AS no_show,
    count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled,
    count(*) FILTER (WHERE t.status = 'transferred')::int AS transferred,
    count(*) FILTER (WHERE t.status = 'waiting')::int AS waiting,
    count(*) FILTER (WHERE cardinality(t.priority) > 0)::int AS priority,
    ${durationColumns('w', WAITING_SECONDS)},
    ${durationColumns('s', SERVICE_SECONDS)}
  FROM tickets t
  WHERE t.centre_id = $1 AND t.day = $2::date
  GROUP BY GROUPING SETS ((t.category), (t.counter_number), ())`;

/**
 * Tickets per Shanghai hour and per priority class, one pass. The day's hours are counted from
 * the epoch (+8 h, Shanghai has no DST), so the session time zone never matters. A ticket with
 * two classes appears twice after the lateral unnest: hours count distinct tickets.
 */
const DISTRIBUTION_SQL = `
  SELECT GROUPING(h.hour, p.class)::int AS grouping, h.hour, p.class, count(DISTINCT t.id)::int AS tickets
  FROM tickets t
  CROSS JOIN LATERAL (SELECT (floor((extract(epoch FROM t.issued_at) + 28800) / 3600)::bigint % 24)::int AS hour) h
  LEFT JOIN LATERAL unnest(t.priority) AS p(class) ON true
  WHERE t.centre_id = $1 AND t.day = $2::date
  GROUP BY GROUPING SETS ((h.hour), (p.class))`;

function durationStats(row: AggregateRow | undefined, prefix: 'w' | 's'): DurationStats {
  if (!row || row[`${prefix}_count`] === 0) return { count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null, maxSeconds: null };
  return {
    count: row[`${prefix}_count`],
    averageSeconds: row[`${prefix}_avg`],
    medianSeconds: row[`${prefix}_median`],
    p90Seconds: row[`${prefix}_p90`],
    maxSeconds: row[`${prefix}_max`],
  };
}

function counts(row: AggregateRow | undefined): TicketCounts {
  if (!row) return { issued: 0, called: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0, waiting: 0 };
  return {
    issued: row.issued,
    called: row.called,
    served: row.served,
    noShow: row.no_show,
    cancelled: row.cancelled,
    transferred: row.transferred,
    waiting: row.waiting,
  };
}

function times(row: AggregateRow | undefined) {
  return { waitingTime: durationStats(row, 'w'), serviceTime: durationStats(row, 's') };
}

/**
 * A centre's day in numbers for /admin: SQL aggregates over `tickets` (issued_at, called_at as
 * the first call, finished_at, status, priority, category, counter_number). Read-only.
 */
export class QueueStatistics {
  constructor(private readonly db: SqlDatabase) {}

  /** Every centre, or the one given; ordered by id. */
  async centres(onlyCentreId?: string): Promise<{ centreId: string; name: { zh: string; en: string } }[]> {
    const rows = await this.db.query<{ id: string; name_zh: string; name_en: string }>(
      'SELECT id, name_zh, name_en FROM centres WHERE $1::text IS NULL OR id = $1 ORDER BY id',
      [onlyCentreId ?? null],
    );
    return rows.map((r) => ({ centreId: r.id, name: { zh: r.name_zh, en: r.name_en } }));
  }

  async day(centreId: string, date: string): Promise<CentreDayStatistics> {
    const centre = await this.#centre(centreId);
    const [aggregates, distribution] = await Promise.all([
      this.db.query<AggregateRow>(AGGREGATE_SQL, [centreId, date]),
      this.db.query<{ grouping: number; hour: number | null; class: string | null; tickets: number }>(DISTRIBUTION_SQL, [centreId, date]),
    ]);
    const total = aggregates.find((r) => r.grouping === 3);
    const byCategory = new Map(aggregates.filter((r) => r.grouping === 1).map((r) => [r.category!, r]));
    // The counter set's null group is the tickets no counter called: not a counter.
    const byCounter = new Map(aggregates.filter((r) => r.grouping === 2 && r.counter_number !== null).map((r) => [r.counter_number!, r]));
    const counterNumbers = [...new Set([...centre.counters, ...byCounter.keys()])].sort((a, b) => a - b);
    const perHour = new Map(distribution.filter((r) => r.grouping === 1).map((r) => [r.hour!, r.tickets]));
    const perClass = new Map(distribution.filter((r) => r.grouping === 2 && r.class !== null).map((r) => [r.class!, r.tickets]));
    const issued = total?.issued ?? 0;
    const priorityTickets = total?.priority ?? 0;

    return {
      centreId,
      name: { zh: centre.name_zh, en: centre.name_en },
      date,
      totals: { counts: counts(total), ...times(total) },
      byCategory: centre.categories.map((c) => ({
        code: c.code,
        name: { zh: c.name_zh, en: c.name_en },
        counts: counts(byCategory.get(c.code)),
        ...times(byCategory.get(c.code)),
      })),
      byCounter: counterNumbers.map((n) => ({ counterNumber: n, counts: counts(byCounter.get(n)), ...times(byCounter.get(n)) })),
      priority: {
        tickets: priorityTickets,
        share: issued === 0 ? 0 : priorityTickets / issued,
        byClass: PRIORITY_CLASSES.map((priorityClass) => ({ priorityClass, tickets: perClass.get(priorityClass) ?? 0 })),
      },
      issuedPerHour: Array.from({ length: 24 }, (_, hour) => ({ hour, issued: perHour.get(hour) ?? 0 })),
    };
  }

  /** The day's tickets in issue order, for the CSV; only the columns statistics need. */
  async tickets(centreId: string, date: string): Promise<StatisticsTicketRow[]> {
    await this.#centre(centreId);
    const rows = await this.db.query<{
      ticket_no: string;
      category: string;
      priority: PriorityClass[];
      issued_at: Date;
      called_at: Date | null;
      finished_at: Date | null;
      counter_number: number | null;
      status: QueueTicketStatus;
    }>(
      `SELECT ticket_no, category, priority, issued_at, called_at, finished_at, counter_number, status
       FROM tickets WHERE centre_id = $1 AND day = $2::date ORDER BY issued_at, ticket_no`,
      [centreId, date],
    );
    return rows.map((r) => ({
      ticketNo: r.ticket_no,
      category: r.category,
      priority: r.priority,
      issuedAt: r.issued_at,
      calledAt: r.called_at,
      finishedAt: r.finished_at,
      counterNumber: r.counter_number,
      status: r.status,
    }));
  }

  /** The centre with its categories (display order) and counters, or 404. */
  async #centre(centreId: string): Promise<CentreRow> {
    const [row] = await this.db.query<CentreRow>(
      `SELECT ce.name_zh, ce.name_en,
         COALESCE((SELECT json_agg(json_build_object('code', c.code, 'name_zh', c.name_zh, 'name_en', c.name_en) ORDER BY c.sort_order, c.code)
                   FROM ticket_categories c WHERE c.centre_id = ce.id), '[]'::json) AS categories,
         COALESCE((SELECT array_agg(k.number ORDER BY k.number) FROM counters k WHERE k.centre_id = ce.id), '{}'::int[]) AS counters
       FROM centres ce WHERE ce.id = $1`,
      [centreId],
    );
    if (!row) throw new CentreNotFoundError(centreId);
    return row;
  }
}
