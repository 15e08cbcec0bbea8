import { AUDIT_EVENTS, shanghaiDateTime, type AuditEvent, type AuditLogPage, type AuditQuery, type Locale } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { AdminApiError } from '../admin-client';
import { errorText, type Translate } from '../admin-translator';
import type { AuditClient } from './audit-client';
import './audit.css';

const PAGE_SIZE = 50;

/** 审计日志: supervisors search who logged in and who read whose data, when and why. */
export function AuditSection({ t, locale, client, onSessionEnded }: { t: Translate; locale: Locale; client: AuditClient; onSessionEnded: () => void }) {
  // The form's values; `query` is what was last searched.
  const [form, setForm] = useState<{ from: string; to: string; username: string; event: AuditEvent | '' }>({ from: '', to: '', username: '', event: '' });
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [result, setResult] = useState<AuditLogPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    client.page(query).then(
      (page) => {
        if (!current) return;
        setResult(page);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setLoading(false);
        if (err instanceof AdminApiError && err.status === 401) return onSessionEnded();
        setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
      },
    );
    return () => {
      current = false;
    };
  }, [client, query]);

  const search = (e: Event) => {
    e.preventDefault();
    setQuery({
      page: 1,
      pageSize: PAGE_SIZE,
      ...(form.from && { from: form.from }),
      ...(form.to && { to: form.to }),
      ...(form.username.trim() && { username: form.username.trim() }),
      ...(form.event && { event: form.event }),
    });
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const page = query.page ?? 1;

  return (
    <section class="audit" aria-labelledby="audit-title" data-testid="audit">
      <h2 id="audit-title">{t('audit.heading')}</h2>
      <p class="note">{t('audit.intro')}</p>
      <form class="pickers" onSubmit={search}>
        <label>
          <span>{t('audit.filter.from')}</span>
          <input type="date" data-testid="audit-from" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('audit.filter.to')}</span>
          <input type="date" data-testid="audit-to" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('audit.filter.username')}</span>
          <input type="text" data-testid="audit-username" value={form.username} maxLength={64} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('audit.filter.event')}</span>
          <select data-testid="audit-event" value={form.event} onChange={(e) => setForm({ ...form, event: e.currentTarget.value as AuditEvent | '' })}>
            <option value="">{t('audit.filter.anyEvent')}</option>
            {AUDIT_EVENTS.map((event) => (
              <option key={event} value={event}>
                {t(`audit.event.${event}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="audit-search">
          {t('audit.filter.apply')}
        </button>
        <a class="button secondary" data-testid="audit-csv" href={client.csvHref(query, locale)} download>
          {t('audit.csv')}
        </a>
      </form>
      <p role="status" class="note">
        {loading ? t('audit.loading') : result ? t('audit.total', { total: result.total, page, pages }) : ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {result && result.entries.length === 0 && <p class="note">{t('audit.empty')}</p>}
      {result && result.entries.length > 0 && (
        <div class="table-scroll">
          <table class="numbers audit-table" data-testid="audit-table">
            <thead>
              <tr>
                {(['audit.col.at', 'audit.col.event', 'audit.col.username', 'audit.col.displayName', 'audit.col.ip', 'audit.col.reason', 'audit.col.ticketNo', 'audit.col.applicationNo', 'audit.col.partNo'] as const).map((key) => (
                  <th key={key} scope="col">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.entries.map((e) => (
                <tr key={e.id} data-event={e.event}>
                  <td>{shanghaiDateTime(new Date(e.at))}</td>
                  <td>{t(`audit.event.${e.event}`)}</td>
                  <td>{e.username}</td>
                  <td>{e.displayName ?? ''}</td>
                  <td>{e.ip ?? ''}</td>
                  <td>{e.reason ?? ''}</td>
                  <td>{e.ticketNo ?? ''}</td>
                  <td>{e.applicationNo ?? ''}</td>
                  <td>{e.partNo ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result && pages > 1 && (
        <div class="pager">
          <button type="button" class="secondary" disabled={page <= 1} onClick={() => setQuery({ ...query, page: page - 1 })}>
            {t('audit.previous')}
          </button>
          <button type="button" class="secondary" disabled={page >= pages} onClick={() => setQuery({ ...query, page: page + 1 })}>
            {t('audit.next')}
          </button>
        </div>
      )}
    </section>
  );
}
