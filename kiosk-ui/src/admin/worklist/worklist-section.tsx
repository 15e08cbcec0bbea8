import { localized, PartStatusSchema, serviceCatalogue, type DepartmentKey, type Locale, type PartStatus, type StaffUserView, type WorklistResponse } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { AdminApiError } from '../admin-client';
import { errorText, type Translate } from '../admin-translator';
import { atShanghai } from './at-shanghai';
import { PartDetailView } from './part-detail-view';
import type { WorklistClient } from './worklist-client';
import './worklist.css';

const PAGE_SIZE = 20;
const STATUSES = PartStatusSchema.anyOf.map((s) => s.const);
const DEPARTMENTS = Object.keys(serviceCatalogue.departments) as DepartmentKey[];

/**
 * 工作台 (分别办理): an officer's department worklist, oldest first, and one part to work on.
 * Supervisors pick a department and read; they move nothing.
 */
export function WorklistSection({
  t,
  locale,
  user,
  client,
  onSessionEnded,
}: {
  t: Translate;
  locale: Locale;
  user: StaffUserView;
  client: WorklistClient;
  onSessionEnded: () => void;
}) {
  const supervisor = user.role !== 'officer';
  const [department, setDepartment] = useState<DepartmentKey>(DEPARTMENTS[0]!);
  const [status, setStatus] = useState<PartStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<WorklistResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState<{ applicationNo: string; partNo: number } | null>(null);

  const showError = (err: unknown) => {
    if (err instanceof AdminApiError && err.status === 401) return onSessionEnded();
    setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
  };

  useEffect(() => {
    if (open) return;
    let current = true;
    setLoading(true);
    client
      .worklist({ ...(supervisor && { department }), ...(status && { status }), limit: PAGE_SIZE, offset })
      .then(
        (next) => {
          if (!current) return;
          setList(next);
          setError(null);
        },
        (err: unknown) => current && showError(err),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, department, status, offset, reload, open]);

  if (open) {
    return (
      <PartDetailView
        t={t}
        locale={locale}
        client={client}
        applicationNo={open.applicationNo}
        partNo={open.partNo}
        readOnly={supervisor}
        onBack={() => setOpen(null)}
        onSessionEnded={onSessionEnded}
      />
    );
  }

  const title = list ? t('worklist.title', { department: localized(locale, list.departmentName) }) : t('admin.nav.worklist');
  return (
    <section class="worklist" aria-labelledby="worklist-title" data-testid="worklist">
      <h2 id="worklist-title">{title}</h2>
      <form
        class="pickers"
        onSubmit={(e) => {
          e.preventDefault();
          setReload((n) => n + 1);
        }}
      >
        {supervisor && (
          <label>
            <span>{t('worklist.department')}</span>
            <select data-testid="worklist-department" value={department} onChange={(e) => (setDepartment(e.currentTarget.value as DepartmentKey), setOffset(0))}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {localized(locale, serviceCatalogue.departments[d])}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('worklist.filter.status')}</span>
          <select data-testid="worklist-status" value={status} onChange={(e) => (setStatus(e.currentTarget.value as PartStatus | ''), setOffset(0))}>
            <option value="">{t('worklist.filter.open')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`worklist.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="worklist-refresh">
          {t('worklist.refresh')}
        </button>
      </form>
      <p role="status" class="note">
        {loading ? t('worklist.loading') : list && list.total > 0 ? t('worklist.count', { total: list.total, from: list.offset + 1, to: list.offset + list.parts.length }) : ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {list && list.parts.length === 0 && !loading && <p class="note">{t('worklist.empty')}</p>}
      {list && list.parts.length > 0 && (
        <div class="table-scroll">
          <table class="worklist-table" data-testid="worklist-table">
            <thead>
              <tr>
                <th scope="col">{t('worklist.col.applicationNo')}</th>
                <th scope="col">{t('worklist.col.service')}</th>
                <th scope="col">{t('worklist.col.status')}</th>
                <th scope="col">{t('worklist.col.submittedAt')}</th>
                <th scope="col">{t('worklist.col.updatedAt')}</th>
                <th scope="col">{t('worklist.col.open')}</th>
              </tr>
            </thead>
            <tbody>
              {list.parts.map((p) => (
                <tr key={`${p.applicationNo}-${p.partNo}`} data-testid="worklist-row" data-application={p.applicationNo} data-part={p.partNo} data-status={p.status}>
                  <th scope="row">
                    {p.applicationNo}-{p.partNo}
                  </th>
                  <td>{localized(locale, p.serviceName)}</td>
                  <td>
                    {t(`worklist.status.${p.status}`)}
                    {p.handledExternally && <span class="tag">{t('worklist.external')}</span>}
                  </td>
                  <td>{atShanghai(p.submittedAt)}</td>
                  <td>{atShanghai(p.updatedAt)}</td>
                  <td>
                    <button type="button" class="secondary" data-testid="worklist-open" onClick={() => setOpen({ applicationNo: p.applicationNo, partNo: p.partNo })}>
                      {t('worklist.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && list.total > list.limit && (
        <div class="pager">
          <button type="button" class="secondary" disabled={list.offset === 0} onClick={() => setOffset(Math.max(0, list.offset - PAGE_SIZE))}>
            {t('worklist.previous')}
          </button>
          <button type="button" class="secondary" disabled={list.offset + list.parts.length >= list.total} onClick={() => setOffset(list.offset + PAGE_SIZE)}>
            {t('worklist.next')}
          </button>
        </div>
      )}
    </section>
  );
}
