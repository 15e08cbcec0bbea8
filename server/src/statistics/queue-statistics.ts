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
  /** First call. */
  calledAt: Date | null;
  /** The call the person answered (a recall, or the call at the window a transfer sent them to). */
  lastCalledAt: Date | null;
  finishedAt: Date | null;
  counterNumber: number | null;
  /** The counter that (last) transferred it, null if never transferred. */
  transferredFromCounter: number | null;
  status: QueueTicketStatus;
}

interface CentreRow {
  name_zh: string;
  name_en: string;
  categories: { code: string; name_zh: string; name_en: string }[];
  counters: number[];
}

/** One row of the grouped aggregate: totals, or one key of one of the four sets (see `grouping`). */
interface AggregateRow {
  /** GROUPING(first_category, category, first_counter, counter_number): see GROUPS. */
  grouping: number;
  first_category: string | null;
  category: string | null;
  first_counter: number | null;
  counter_number: number | null;
  issued: number;
  called: number;
  served: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  waiting: number;
  recalls: number;
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

/** GROUPING() bits, first argument highest: 1 marks a column not grouped by. */
const GROUPS = { firstCategory: 0b0111, category: 0b1011, firstCounter: 0b1101, counter: 0b1110, total: 0b1111 } as const;

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
// It starts at the last call, the one the person answered (after a recall, or at the window a
// transfer sent them to); rows from before 0007 have no last_called_at and start at the first.
const SERVICE_SECONDS = `CASE WHEN t.status = 'done' AND t.finished_at IS NOT NULL AND COALESCE(t.last_called_at, t.called_at) IS NOT NULL
  THEN greatest(0, extract(epoch FROM t.finished_at - COALESCE(t.last_called_at, t.called_at))) END`;

/**
 * Totals, per category and per counter in one pass: GROUPING SETS with percentile_cont, which
 * PGlite and PostgreSQL both run. Nothing is summed in JavaScript.
 *
 * A transfer sends a ticket back to waiting under its new category (issued_category keeps the
 * one that numbered it, transferred_from_counter the counter), so each ticket has where it
 * started and where it is now, and both are grouped by: the start sets give issued, called,
 * transferred and the waiting time (the first call happened in the first line), the current
 * sets give the outcome (served, no-show, cancelled, waiting, recalls, service time). The
 * counter that called first is the one that transferred it; for a ticket transferred twice the
 * earlier counter is not recorded, and the last transferring one stands for it.
 */
const AGGREGATE_SQL = `
  WITH t AS (
    SELECT *, COALESCE(issued_category, category) AS first_category, COALESCE(transferred_from_counter, counter_number) AS first_counter
    FROM tickets WHERE centre_id = $1 AND day = $2::date
  )
  SELECT GROUPING(t.first_category, t.category, t.first_counter, t.counter_number)::int AS grouping,
    t.first_category, t.category, t.first_counter, t.counter_number,
    count(*)::int AS issued,
    count(t.called_at)::int AS called,
    count(*) FILTER (WHERE t.status = 'done')::int AS served,
    count(*) FILTER (WHERE t.status = 'no-show')::int AS no_show,
    count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled,
    count(t.transferred_from_counter)::int AS transferred,
    count(*) FILTER (WHERE t.status = 'waiting')::int AS waiting,
    COALESCE(sum(greatest(t.call_count - 1, 0)), 0)::int AS recalls,
    count(*) FILTER (WHERE cardinality(t.priority) > 0)::int AS priority,
    ${durationColumns('w', WAITING_SECONDS)},
    ${durationColumns('s', SERVICE_SECONDS)}
  FROM t
  GROUP BY GROUPING SETS ((t.first_category), (t.category), (t.first_counter), (t.counter_number), ())`;

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

/** A group's numbers: what started in it from `start`, what ended in it from `now` (the same row for totals). */
function group(start: AggregateRow | undefined, now: AggregateRow | undefined): { counts: TicketCounts; waitingTime: DurationStats; serviceTime: DurationStats } {
  return {
    counts: {
      issued: start?.issued ?? 0,
      called: start?.called ?? 0,
      served: now?.served ?? 0,
      noShow: now?.no_show ?? 0,
      cancelled: now?.cancelled ?? 0,
      transferred: start?.transferred ?? 0,
      waiting: now?.waiting ?? 0,
      recalls: now?.recalls ?? 0,
    },
    waitingTime: durationStats(start, 'w'),
    serviceTime: durationStats(now, 's'),
  };
}

/**
 * A centre's day in numbers for /admin: SQL aggregates over `tickets` (issued_at, called_at as
 * the first call, last_called_at, call_count, finished_at, status, priority, category and
 * issued_category, counter_number and transferred_from_counter). Read-only.
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
    const total = aggregates.find((r) => r.grouping === GROUPS.total);
    const keyed = <K>(grouping: number, key: (r: AggregateRow) => K | null) =>
      // A counter set's null group is the tickets no counter called: not a counter.
      new Map(aggregates.filter((r) => r.grouping === grouping && key(r) !== null).map((r) => [key(r)!, r]));
    const byFirstCategory = keyed(GROUPS.firstCategory, (r) => r.first_category);
    const byCategory = keyed(GROUPS.category, (r) => r.category);
    const byFirstCounter = keyed(GROUPS.firstCounter, (r) => r.first_counter);
    const byCounter = keyed(GROUPS.counter, (r) => r.counter_number);
    const counterNumbers = [...new Set([...centre.counters, ...byFirstCounter.keys(), ...byCounter.keys()])].sort((a, b) => a - b);
    const perHour = new Map(distribution.filter((r) => r.grouping === 1).map((r) => [r.hour!, r.tickets]));
    const perClass = new Map(distribution.filter((r) => r.grouping === 2 && r.class !== null).map((r) => [r.class!, r.tickets]));
    const issued = total?.issued ?? 0;
    const priorityTickets = total?.priority ?? 0;

    return {
      centreId,
      name: { zh: centre.name_zh, en: centre.name_en },
      date,
      totals: group(total, total),
      byCategory: centre.categories.map((c) => ({
        code: c.code,
        name: { zh: c.name_zh, en: c.name_en },
        ...group(byFirstCategory.get(c.code), byCategory.get(c.code)),
      })),
      byCounter: counterNumbers.map((n) => ({ counterNumber: n, ...group(byFirstCounter.get(n), byCounter.get(n)) })),
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
      last_called_at: Date | null;
      finished_at: Date | null;
      counter_number: number | null;
      transferred_from_counter: number | null;
      status: QueueTicketStatus;
    }>(
      `SELECT ticket_no, category, priority, issued_at, called_at, COALESCE(last_called_at, called_at) AS last_called_at, finished_at,
         counter_number, transferred_from_counter, status
       FROM tickets WHERE centre_id = $1 AND day = $2::date ORDER BY issued_at, ticket_no`,
      [centreId, date],
    );
    return rows.map((r) => ({
      ticketNo: r.ticket_no,
      category: r.category,
      priority: r.priority,
      issuedAt: r.issued_at,
      calledAt: r.called_at,
      lastCalledAt: r.last_called_at,
      finishedAt: r.finished_at,
      counterNumber: r.counter_number,
      transferredFromCounter: r.transferred_from_counter,
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
