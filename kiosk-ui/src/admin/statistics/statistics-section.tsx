import { localized, type AdminCentresResponse, type CentreDayStatistics, type Locale } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { AdminApiError, type AdminClient } from '../admin-client';
import { errorText, formatMinutes, type Translate } from '../admin-translator';
import { BarChart, type Bar } from '../components/bar-chart/bar-chart';
import { SummaryTiles } from './summary-tiles';
import { TimesTable } from './times-table';

type Centre = AdminCentresResponse['centres'][number];

/** Opening hours always shown on the hourly chart; hours outside appear only when they had tickets. */
const DAY_START = 8;
const DAY_END = 17;

function hourBars(t: Translate, stats: CentreDayStatistics): Bar[] {
  const busy = stats.issuedPerHour.filter((h) => h.issued > 0).map((h) => h.hour);
  const from = Math.min(DAY_START, ...busy);
  const to = Math.max(DAY_END, ...busy);
  return stats.issuedPerHour.filter((h) => h.hour >= from && h.hour <= to).map((h) => ({ label: t('admin.chart.hourLabel', { hour: h.hour }), value: h.issued }));
}

/** A share as people read it: one decimal, % sign. */
const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10}%`;

const listed = (bars: readonly Bar[]) => bars.map((b) => `${b.label} ${b.display ?? b.value}`).join(', ');

/**
 * 统计: pick a centre and a day, see its numbers as tiles, charts (each with its table) and
 * tables, and download them as CSV.
 */
export function StatisticsSection({ t, locale, client, onSessionEnded }: { t: Translate; locale: Locale; client: AdminClient; onSessionEnded: () => void }) {
  const [centres, setCentres] = useState<Centre[] | null>(null);
  const [centreId, setCentreId] = useState<string | null>(null);
  // Null until the server says which day "today" is (Shanghai), then the picked day.
  const [date, setDate] = useState<string | null>(null);
  const [stats, setStats] = useState<CentreDayStatistics | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  const showError = (err: unknown) => {
    // Idle for 30 minutes: back to the login form rather than an error on a dead page.
    if (err instanceof AdminApiError && err.status === 401) return onSessionEnded();
    setError(t('admin.loadFailed', { message: err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err) }));
  };

  useEffect(() => {
    client.centres().then((res) => {
      setCentres(res.centres);
      setCentreId(res.centres[0]?.centreId ?? null);
    }, showError);
  }, [client]);

  useEffect(() => {
    if (centreId === null) return;
    let current = true;
    setLoading(true);
    client.statistics(centreId, date ?? undefined).then(
      (next) => {
        if (!current) return;
        setStats(next);
        setDate(next.date);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        showError(err);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [client, centreId, date, reload]);

  const categoryBars: Bar[] = (stats?.byCategory ?? []).map((c) => ({
    label: `${c.code} ${localized(locale, c.name)}`,
    value: c.waitingTime.averageSeconds === null ? 0 : Math.round(c.waitingTime.averageSeconds / 6) / 10,
    display: formatMinutes(c.waitingTime.averageSeconds),
  }));
  const counterBars: Bar[] = (stats?.byCounter ?? []).map((c) => ({ label: t('admin.counterName', { number: c.counterNumber }), value: c.counts.served }));
  const hours = stats ? hourBars(t, stats) : [];

  return (
    <section class="statistics" aria-labelledby="statistics-title" data-testid="statistics">
      <h2 id="statistics-title" class="visually-hidden">
        {t('admin.nav.statistics')}
      </h2>
      <form class="pickers" onSubmit={(e) => {
          e.preventDefault();
          setReload((n) => n + 1);
        }}>
        <label>
          <span>{t('admin.stats.centre')}</span>
          <select data-testid="centre-picker" value={centreId ?? ''} onChange={(e) => setCentreId(e.currentTarget.value)} disabled={!centres || centres.length < 2}>
            {(centres ?? []).map((c) => (
              <option key={c.centreId} value={c.centreId}>
                {localized(locale, c.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.stats.date')}</span>
          <input type="date" data-testid="date-picker" value={date ?? ''} required onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="refresh">
          {t('admin.stats.refresh')}
        </button>
        {stats && centreId && date && (
          <a class="button secondary" data-testid="csv-download" href={client.csvHref(centreId, date, locale)} download>
            {t('admin.stats.downloadCsv')}
          </a>
        )}
      </form>
      <p role="status" class="note">
        {loading ? t('admin.stats.loading') : ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {stats && (
        <div class="stats" data-testid="stats" data-date={stats.date} data-centre={stats.centreId}>
          <h3>{t('admin.stats.title', { centre: localized(locale, stats.name), date: stats.date })}</h3>
          {stats.totals.counts.issued === 0 && <p class="note">{t('admin.stats.noTickets')}</p>}
          <SummaryTiles t={t} stats={stats} />
          <div class="charts">
            <BarChart
              title={t('admin.chart.perHour')}
              bars={hours}
              summary={t('admin.chart.perHourSummary', { values: listed(hours) })}
              labelHeader={t('admin.col.hour')}
              valueHeader={t('admin.col.issued')}
              showTable={t('admin.chart.showTable')}
              testId="chart-per-hour"
            />
            <BarChart
              title={t('admin.chart.waitingByCategory')}
              bars={categoryBars}
              summary={t('admin.chart.waitingSummary', { values: listed(categoryBars) })}
              labelHeader={t('admin.col.category')}
              valueHeader={t('admin.col.average')}
              showTable={t('admin.chart.showTable')}
              testId="chart-waiting-by-category"
            />
            <BarChart
              title={t('admin.chart.servedByCounter')}
              bars={counterBars}
              summary={t('admin.chart.servedSummary', { values: listed(counterBars) })}
              labelHeader={t('admin.col.counter')}
              valueHeader={t('admin.col.served')}
              showTable={t('admin.chart.showTable')}
              testId="chart-served-by-counter"
            />
          </div>
          <h3>{t('admin.section.times')}</h3>
          <p class="note">{t('admin.section.timesNote')}</p>
          <TimesTable
            t={t}
            caption={t('admin.section.byCategory')}
            firstHeader={t('admin.col.category')}
            testId="table-by-category"
            rows={[
              ...stats.byCategory.map((c) => ({ key: c.code, label: `${c.code} ${localized(locale, c.name)}`, ...c })),
              { key: 'total', label: t('admin.total'), ...stats.totals },
            ]}
          />
          <TimesTable
            t={t}
            caption={t('admin.section.byCounter')}
            firstHeader={t('admin.col.counter')}
            testId="table-by-counter"
            rows={stats.byCounter.map((c) => ({ key: String(c.counterNumber), label: t('admin.counterName', { number: c.counterNumber }), ...c }))}
          />
          <div class="table-scroll fit">
            <table class="numbers" data-testid="table-priority">
              <caption>{t('admin.section.priority')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.col.priorityClass')}</th>
                  <th scope="col">{t('admin.col.tickets')}</th>
                  <th scope="col">{t('admin.col.share')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.priority.byClass.map((p) => (
                  <tr key={p.priorityClass} data-row={p.priorityClass}>
                    <th scope="row">{t(`queue.class.${p.priorityClass}`)}</th>
                    <td>{p.tickets}</td>
                    <td>{percent(p.tickets, stats.totals.counts.issued)}</td>
                  </tr>
                ))}
                <tr data-row="any">
                  <th scope="row">{t('admin.priority.any')}</th>
                  <td>{stats.priority.tickets}</td>
                  <td>{percent(stats.priority.tickets, stats.totals.counts.issued)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
