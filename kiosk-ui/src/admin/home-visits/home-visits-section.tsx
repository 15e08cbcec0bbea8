import { shanghaiDateTime, type HomeVisitFilter, type HomeVisitSummary, type Locale } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { AdminApiError } from '../admin-client';
import { errorText, type Translate } from '../admin-translator';
import type { HomeVisitClient } from './home-visit-client';
import { HomeVisitDetailPanel } from './home-visit-detail';
import { visitWords } from './home-visit-words';
import './home-visits.css';

const FILTERS: readonly HomeVisitFilter[] = ['open', 'scheduled', 'done', 'all'];

/** 上门办: the centre's home visits, oldest first, without person data; one opens with a reason. */
export function HomeVisitsSection({ t, locale, client, onSessionEnded }: { t: Translate; locale: Locale; client: HomeVisitClient; onSessionEnded: () => void }) {
  const words = visitWords(t, locale);
  const [filter, setFilter] = useState<HomeVisitFilter>('open');
  const [visits, setVisits] = useState<HomeVisitSummary[] | null>(null);
  const [open, setOpen] = useState<HomeVisitSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    client.list(filter).then(
      (res) => {
        if (!current) return;
        setVisits(res.visits);
        setError(null);
      },
      (err: unknown) => {
        if (!current) return;
        if (err instanceof AdminApiError && err.status === 401) return onSessionEnded();
        setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
      },
    );
    return () => {
      current = false;
    };
  }, [client, filter, reload]);

  return (
    <section class="home-visits" aria-labelledby="home-visits-title" data-testid="home-visits">
      <h2 id="home-visits-title">{t('homeVisits.heading')}</h2>
      <p class="note">{t('homeVisits.intro')}</p>
      <div class="pickers" role="group" aria-label={t('homeVisits.col.status')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" class={f === filter ? undefined : 'secondary'} aria-pressed={f === filter} data-testid={`filter-${f}`} onClick={() => setFilter(f)}>
            {t(`homeVisits.filter.${f}`)}
          </button>
        ))}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {visits === null && !error && <p class="note">{t('homeVisits.loading')}</p>}
      {visits && visits.length === 0 && <p class="note">{t('homeVisits.empty')}</p>}
      {visits && visits.length > 0 && (
        <div class="table-scroll">
          <table class="numbers home-visit-table" data-testid="home-visit-table">
            <thead>
              <tr>
                {(['homeVisits.col.applicationNo', 'homeVisits.col.submittedAt', 'homeVisits.col.reason', 'homeVisits.col.period', 'homeVisits.col.services', 'homeVisits.col.status', 'homeVisits.col.visitDate'] as const).map(
                  (key) => (
                    <th key={key} scope="col">
                      {t(key)}
                    </th>
                  ),
                )}
                <td />
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={`${v.applicationNo}-${v.partNo}`} data-application={v.applicationNo}>
                  <th scope="row">{v.applicationNo}</th>
                  <td>{shanghaiDateTime(new Date(v.submittedAt))}</td>
                  <td>{words.reason(v)}</td>
                  <td>{words.period(v)}</td>
                  <td>{words.services(v)}</td>
                  <td>{v.handledExternally ? t('homeVisits.statusExternal', { status: words.status(v.status) }) : words.status(v.status)}</td>
                  <td>{v.visitDate ?? '—'}</td>
                  <td>
                    <button type="button" class="secondary" data-testid="open-visit" onClick={() => setOpen(v)}>
                      {t('homeVisits.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <HomeVisitDetailPanel
          key={`${open.applicationNo}-${open.partNo}`}
          t={t}
          locale={locale}
          client={client}
          visit={open}
          onMoved={() => setReload((n) => n + 1)}
          onClose={() => setOpen(null)}
          onSessionEnded={onSessionEnded}
        />
      )}
    </section>
  );
}
