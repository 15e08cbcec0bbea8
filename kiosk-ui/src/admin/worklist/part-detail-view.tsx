import { localized, shanghaiDate, type Locale, type PartDetail, type PartStatus } from '@eldercare/domain';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { AdminApiError } from '../admin-client';
import { errorText, type Translate } from '../admin-translator';
import { PartMoves } from './part-moves';
import type { WorklistClient } from './worklist-client';
import { atShanghai } from './at-shanghai';
import { movedWithIt } from './moved-with-it';

interface Props {
  t: Translate;
  locale: Locale;
  client: WorklistClient;
  applicationNo: string;
  partNo: number;
  readOnly: boolean;
  onBack: () => void;
  onSessionEnded: () => void;
}

/**
 * One part: first the reason for reading (it goes to the audit log), then the application
 * masked, the part's facts and history, and the moves canMovePart allows.
 */
export function PartDetailView({ t, locale, client, applicationNo, partNo, readOnly, onBack, onSessionEnded }: Props) {
  const [reason, setReason] = useState(t('worklist.reason.default'));
  const [detail, setDetail] = useState<PartDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const showError = (err: unknown) => {
    if (err instanceof AdminApiError && err.status === 401) return onSessionEnded();
    setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
  };

  const load = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDetail(await client.part(applicationNo, partNo, reason.trim()));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const status = (s: PartStatus) => t(`worklist.status.${s}`);
  const back = (
    <button type="button" class="secondary" data-testid="worklist-back" onClick={onBack}>
      {t('worklist.back')}
    </button>
  );

  if (!detail) {
    return (
      <section class="part-detail part-reason panel" data-testid="part-reason">
        {back}
        <form class="pickers" onSubmit={load}>
          <label>
            <span>{t('worklist.reason.label')}</span>
            <input name="reason" data-testid="part-reason-input" value={reason} required maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="part-reason-submit" disabled={busy || reason.trim() === ''}>
            {t('worklist.reason.open')}
          </button>
        </form>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }

  const { part, history, application } = detail;
  return (
    <section class="part-detail" data-testid="part-detail" data-status={part.status} aria-labelledby="part-title">
      {back}
      <h2 id="part-title">{t('worklist.detail.title', { applicationNo, partNo, service: localized(locale, part.serviceName) })}</h2>
      <div class="part-columns">
        <dl class="panel facts" data-testid="part-application">
          <dt>{t('worklist.detail.applicant')}</dt>
          <dd>{application.applicantNameMasked}</dd>
          <dt>{t('worklist.detail.idNumber')}</dt>
          <dd>{application.idNumberMasked}</dd>
          {application.proxy && (
            <>
              <dt>{t('worklist.detail.proxy')}</dt>
              <dd>
                {application.proxy.nameMasked} {application.proxy.idNumberMasked}
              </dd>
            </>
          )}
          {application.details.map((d, i) => (
            <Fragment key={i}>
              <dt>{localized(locale, d.label)}</dt>
              <dd>{localized(locale, d.value)}</dd>
            </Fragment>
          ))}
          <dt>{t('worklist.col.status')}</dt>
          <dd data-testid="part-status">{status(part.status)}</dd>
          {part.visitDate && (
            <>
              <dt>{t('worklist.detail.visitDate')}</dt>
              <dd data-testid="part-visit-date">{part.visitDate}</dd>
            </>
          )}
          {part.careLevel !== null && (
            <>
              <dt>{t('worklist.detail.careLevel')}</dt>
              <dd>{t('worklist.careLevel.value', { level: part.careLevel })}</dd>
            </>
          )}
          {part.noticeEndsOn && (
            <>
              <dt>{t('worklist.detail.noticeEndsOn')}</dt>
              <dd data-testid="part-notice-ends">{part.noticeEndsOn}</dd>
            </>
          )}
        </dl>
        <div class="panel">
          <h3>{t('worklist.detail.parts')}</h3>
          <p class="note">{t('worklist.applicationStatus', { status: t(`status.${application.status}`) })}</p>
          <ul class="part-list" data-testid="part-siblings">
            {application.parts.map((p) => (
              <li key={p.partNo} aria-current={p.partNo === partNo ? 'true' : undefined}>
                {p.partNo}. {localized(locale, p.departmentName)} · {status(p.status)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div class="panel">
        <h3>{t('worklist.moves')}</h3>
        {readOnly ? (
          <p class="note">{t('worklist.moves.readOnly')}</p>
        ) : part.handledExternally ? (
          <p class="note">{t('worklist.moves.external')}</p>
        ) : part.nextStatuses.length === 0 ? (
          <p class="note">{t('worklist.moves.none')}</p>
        ) : (
          <PartMoves
            t={t}
            part={part}
            today={shanghaiDate(new Date())}
            onMove={async (move) => {
              setError(null);
              setMessage(null);
              try {
                const res = await client.move(applicationNo, partNo, move);
                const parts = application.parts.map((p) => {
                  if (p.partNo === partNo) return { ...p, status: res.part.status };
                  const released = res.released.find((r) => r.partNo === p.partNo);
                  return released ? { ...p, status: released.status } : p;
                });
                setDetail({ part: res.part, history: res.history, application: { ...application, status: res.applicationStatus, parts } });
                setMessage([t('worklist.moved', { status: status(res.part.status) }), movedWithIt(t, res.released)].join(' ').trim());
              } catch (err) {
                showError(err);
              }
            }}
          />
        )}
        <p role="status" class="note" data-testid="part-message">
          {message ?? ''}
        </p>
        {error && (
          <p class="error" role="alert" data-testid="part-error">
            {error}
          </p>
        )}
      </div>
      <div class="table-scroll">
        <table class="worklist-table" data-testid="part-history">
          <caption>{t('worklist.detail.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('worklist.history.at')}</th>
              <th scope="col">{t('worklist.history.actor')}</th>
              <th scope="col">{t('worklist.history.move')}</th>
              <th scope="col">{t('worklist.history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i}>
                <td>{atShanghai(h.at)}</td>
                <td>{h.actor}</td>
                <td>
                  {h.fromStatus === null
                    ? t('worklist.history.created', { to: status(h.toStatus) })
                    : t('worklist.history.moved', { from: status(h.fromStatus), to: status(h.toStatus) })}
                </td>
                <td>{h.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
