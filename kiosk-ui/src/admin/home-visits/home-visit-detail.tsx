import { shanghaiDate, shanghaiDateTime, type HomeVisitDetail, type HomeVisitSummary, type Locale } from '@eldercare/domain';
import { useState } from 'preact/hooks';
import { AdminApiError } from '../admin-client';
import { errorText, type Translate } from '../admin-translator';
import type { HomeVisitClient } from './home-visit-client';
import { visitWords } from './home-visit-words';

type Move = 'visit-scheduled' | 'completed' | 'rejected';

/**
 * One visit: asks why it is opened (the server audits the read with that reason), then shows the
 * person masked, the history, and the moves canMovePart allows now.
 */
export function HomeVisitDetailPanel({
  t,
  locale,
  client,
  visit,
  onMoved,
  onClose,
  onSessionEnded,
}: {
  t: Translate;
  locale: Locale;
  client: HomeVisitClient;
  visit: HomeVisitSummary;
  onMoved: () => void;
  onClose: () => void;
  onSessionEnded: () => void;
}) {
  const words = visitWords(t, locale);
  const [reason, setReason] = useState(t('homeVisits.readReasonDefault'));
  const [detail, setDetail] = useState<HomeVisitDetail | null>(null);
  const [visitDate, setVisitDate] = useState(visit.visitDate ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const fail = (err: unknown) => {
    setBusy(false);
    if (err instanceof AdminApiError && err.status === 401) return onSessionEnded();
    setMessage({ error: true, text: err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err) });
  };
  const read = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    client.detail(visit.applicationNo, visit.partNo, reason.trim()).then((next) => {
      setDetail(next);
      setBusy(false);
      setMessage(null);
    }, fail);
  };
  const move = (to: Move) => {
    const current = detail?.visit ?? visit;
    setBusy(true);
    client
      .move(visit.applicationNo, visit.partNo, { to, from: current.status, ...(to === 'visit-scheduled' && { visitDate }), ...(note.trim() && { note: note.trim() }) })
      .then((moved) => {
        // The person shown stays; visit and history come back with the move (no second audited read).
        setDetail((shown) => (shown ? { ...shown, ...moved } : shown));
        setBusy(false);
        setNote('');
        setMessage({ error: false, text: t('homeVisits.moved') });
        onMoved();
      }, fail);
  };

  const current = detail?.visit ?? visit;
  const moves = current.nextStatuses.filter((s): s is Move => s === 'visit-scheduled' || s === 'completed' || s === 'rejected');
  return (
    <div class="panel home-visit-detail" data-testid="home-visit-detail" data-application={visit.applicationNo}>
      <h3>
        {visit.applicationNo} · {words.status(current.status)}
      </h3>
      {!detail && (
        <form class="pickers" onSubmit={read}>
          <label>
            <span>{t('homeVisits.readReason')}</span>
            <input type="text" data-testid="read-reason" required maxLength={200} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="read-detail" disabled={busy || reason.trim() === ''}>
            {t('homeVisits.readSubmit')}
          </button>
        </form>
      )}
      {detail && (
        <>
          <dl class="person" data-testid="person">
            <dt>{t('homeVisits.person.name')}</dt>
            <dd>{detail.person.name}</dd>
            <dt>{t('homeVisits.person.phone')}</dt>
            <dd>{detail.person.phone ?? '—'}</dd>
            <dt>{t('homeVisits.person.address')}</dt>
            <dd>{detail.person.address}</dd>
            {detail.person.proxyName && (
              <>
                <dt>{t('homeVisits.person.proxy')}</dt>
                <dd>{detail.person.proxyName}</dd>
              </>
            )}
          </dl>
          <h4>{t('homeVisits.history')}</h4>
          <ol class="history">
            {detail.history.map((h) => (
              <li key={h.at + h.to}>
                {t('homeVisits.historyEntry', { at: shanghaiDateTime(new Date(h.at)), actor: h.actor, to: words.status(h.to) })}
                {h.note ? ` — ${h.note}` : ''}
              </li>
            ))}
          </ol>
          {moves.length > 0 && (
            <div class="pickers">
              {moves.includes('visit-scheduled') && (
                <label>
                  <span>{t('homeVisits.visitDate')}</span>
                  <input type="date" data-testid="visit-date" min={shanghaiDate(new Date())} value={visitDate} onInput={(e) => setVisitDate(e.currentTarget.value)} />
                </label>
              )}
              <label>
                <span>{t('homeVisits.note')}</span>
                <input type="text" data-testid="move-note" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
              {moves.map((to) => (
                <button
                  key={to}
                  type="button"
                  data-testid={`move-${to}`}
                  class={to === 'rejected' ? 'secondary' : undefined}
                  disabled={busy || (to === 'visit-scheduled' && visitDate === '')}
                  onClick={() => move(to)}
                >
                  {to === 'visit-scheduled' && current.status === 'visit-scheduled' ? t('homeVisits.move.reschedule') : t(`homeVisits.move.${to}`)}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      {message && (
        <p class={message.error ? 'error' : 'note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        {t('homeVisits.close')}
      </button>
    </div>
  );
}
