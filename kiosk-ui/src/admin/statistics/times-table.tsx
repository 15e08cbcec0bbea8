import type { DurationStats, TicketCounts } from '@eldercare/domain';
import { formatMinutes, type Translate } from '../admin-translator';

export interface TimesRow {
  key: string;
  label: string;
  counts: TicketCounts;
  waitingTime: DurationStats;
  serviceTime: DurationStats;
}

const durations = (d: DurationStats) => [d.averageSeconds, d.medianSeconds, d.p90Seconds, d.maxSeconds].map(formatMinutes);

/**
 * Counts and waiting / service times (avg, median, p90, max in minutes), one row per category or
 * counter. A transferred ticket is in two rows: where it started and where it is now (see timesNote).
 */
export function TimesTable({ t, caption, firstHeader, rows, testId }: { t: Translate; caption: string; firstHeader: string; rows: readonly TimesRow[]; testId: string }) {
  const heads = [
    'admin.col.issued',
    'admin.col.called',
    'admin.col.served',
    'admin.col.noShow',
    'admin.col.transferred',
    'admin.col.recalls',
    'admin.col.waitAvg',
    'admin.col.waitMedian',
    'admin.col.waitP90',
    'admin.col.waitMax',
    'admin.col.serviceAvg',
    'admin.col.serviceMedian',
    'admin.col.serviceP90',
    'admin.col.serviceMax',
  ] as const;
  return (
    <div class="table-scroll">
      <table class="numbers" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {heads.map((h) => (
              <th scope="col" key={h}>
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.counts.issued}</td>
              <td>{r.counts.called}</td>
              <td>{r.counts.served}</td>
              <td>{r.counts.noShow}</td>
              <td>{r.counts.transferred}</td>
              <td>{r.counts.recalls}</td>
              {[...durations(r.waitingTime), ...durations(r.serviceTime)].map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
