import { localized, shanghaiDateTime, translate, type CentreDayStatistics, type DurationStats, type Locale, type MessageKey } from '@eldercare/domain';
import type { StatisticsTicketRow } from './queue-statistics';

/** Excel reads a UTF-8 file as the system code page (GBK on Chinese Windows) unless it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

type Cell = string | number | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (= + - @, tab, CR at the start) gets a leading apostrophe:
 * category names are configured by people.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Seconds as minutes with one decimal, the unit people read waiting times in. */
export function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

function durationCells(d: DurationStats): Cell[] {
  return [minutes(d.averageSeconds), minutes(d.medianSeconds), minutes(d.p90Seconds), minutes(d.maxSeconds)];
}

/** A share of the day's tickets, three decimals (0.333). */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

/** Shanghai local time with seconds, as a spreadsheet parses it. */
function localTime(instant: Date | null): string | null {
  if (instant === null) return null;
  return `${shanghaiDateTime(instant)}:${String(Math.floor(instant.getTime() / 1000) % 60).padStart(2, '0')}`;
}

/**
 * The statistics page's numbers as one CSV: summary, per category, per counter, priority
 * classes, tickets per hour, then one row per ticket (no holder data). Sections are separated
 * by an empty line and start with their title.
 */
export function statisticsCsv(stats: CentreDayStatistics, tickets: readonly StatisticsTicketRow[], locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const countHeads = (['admin.col.issued', 'admin.col.called', 'admin.col.served', 'admin.col.noShow', 'admin.col.cancelled', 'admin.col.transferred', 'admin.col.waiting', 'admin.col.recalls'] as const).map(
    (k) => t(k),
  );
  const timeHeads = (
    ['admin.col.waitAvg', 'admin.col.waitMedian', 'admin.col.waitP90', 'admin.col.waitMax', 'admin.col.serviceAvg', 'admin.col.serviceMedian', 'admin.col.serviceP90', 'admin.col.serviceMax'] as const
  ).map((k) => t(k));
  const groupCells = (g: { counts: CentreDayStatistics['totals']['counts']; waitingTime: DurationStats; serviceTime: DurationStats }): Cell[] => [
    g.counts.issued,
    g.counts.called,
    g.counts.served,
    g.counts.noShow,
    g.counts.cancelled,
    g.counts.transferred,
    g.counts.waiting,
    g.counts.recalls,
    ...durationCells(g.waitingTime),
    ...durationCells(g.serviceTime),
  ];

  const rows: Cell[][] = [
    [t('admin.csv.centre'), localized(locale, stats.name), stats.centreId],
    [t('admin.csv.date'), stats.date],
    [t('admin.csv.minutesNote')],
    [],
    [t('admin.csv.summary')],
    [t('admin.csv.item'), ...countHeads, ...timeHeads],
    [t('admin.total'), ...groupCells(stats.totals)],
    [t('admin.csv.priorityTickets'), stats.priority.tickets],
    [t('admin.csv.priorityShare'), share(stats.priority.tickets, stats.totals.counts.issued)],
    [],
    [t('admin.section.byCategory')],
    [t('admin.col.category'), '', ...countHeads, ...timeHeads],
    ...stats.byCategory.map((c) => [c.code, localized(locale, c.name), ...groupCells(c)]),
    [],
    [t('admin.section.byCounter')],
    [t('admin.col.counter'), ...countHeads, ...timeHeads],
    ...stats.byCounter.map((c) => [c.counterNumber, ...groupCells(c)]),
    [],
    [t('admin.section.priority')],
    [t('admin.col.priorityClass'), '', t('admin.col.tickets'), t('admin.col.share')],
    ...stats.priority.byClass.map((p) => [p.priorityClass, t(`queue.class.${p.priorityClass}`), p.tickets, share(p.tickets, stats.totals.counts.issued)]),
    [],
    [t('admin.chart.perHour')],
    [t('admin.col.hour'), t('admin.col.issued')],
    ...stats.issuedPerHour.map((h) => [h.hour, h.issued]),
    [],
    [t('admin.csv.tickets')],
    [t('admin.csv.ticketNo'), t('admin.col.category'), t('admin.csv.priority'), t('admin.csv.issuedAt'), t('admin.csv.calledAt'), t('admin.csv.lastCalledAt'), t('admin.csv.finishedAt'), t('admin.col.counter'), t('admin.csv.transferredFrom'), t('admin.csv.status')],
    ...tickets.map((r) => [
      r.ticketNo,
      r.category,
      r.priority.map((c) => t(`queue.class.${c}`)).join(locale === 'en' ? '; ' : '、'),
      localTime(r.issuedAt),
      localTime(r.calledAt),
      localTime(r.lastCalledAt),
      localTime(r.finishedAt),
      r.counterNumber,
      r.transferredFromCounter,
      t(`admin.status.${r.status}`),
    ]),
  ];
  return UTF8_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
