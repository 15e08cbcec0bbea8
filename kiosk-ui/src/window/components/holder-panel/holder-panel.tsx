import { localized } from '@eldercare/domain';
import type { CurrentTicket } from '@eldercare/domain';
import type { HolderPanel as HolderState } from '@eldercare/state-machines';
import type { WindowWords } from '../../window-translator';

/**
 * Who took the current ticket with an ID card (masked) and what they already submitted at a
 * kiosk today, so nobody asks twice. Shown only for the current ticket; every read is audited,
 * and the panel says so.
 */
export function HolderPanel(props: { current: CurrentTicket | null; holder: HolderState | null; words: WindowWords }) {
  const { t } = props.words;
  const { current, holder } = props;
  if (current === null) return null;
  if (!current.hasHolder) {
    return (
      <section class="wt-holder wt-holder--none" data-testid="holder-panel" data-state="no-card">
        <p class="wt-muted">{t('window.holder.noCard')}</p>
      </section>
    );
  }
  if (holder === null || holder.ticketId !== current.ticketId) {
    return (
      <section class="wt-holder" data-testid="holder-panel" data-state="loading">
        <p class="wt-muted">{t('window.holder.loading')}</p>
      </section>
    );
  }
  if (holder.view === null) {
    return (
      <section class="wt-holder" data-testid="holder-panel" data-state="failed">
        <p class="wt-warn">{t('window.holder.failed', { message: props.words.error(holder.errorCode ?? 'UNKNOWN') })}</p>
      </section>
    );
  }
  const view = holder.view;
  return (
    <section class="wt-holder" data-testid="holder-panel" data-state="shown" aria-labelledby="wt-holder-heading">
      <header class="wt-holder__head">
        <h2 id="wt-holder-heading">{t('window.holder.heading')}</h2>
        <span class="wt-audit" data-testid="holder-recorded">
          {t('window.holder.recorded')}
        </span>
      </header>
      <dl class="wt-holder__facts">
        <div>
          <dt>{t('window.holder.name')}</dt>
          <dd data-testid="holder-name">{view.maskedName}</dd>
        </div>
        <div>
          <dt>{t('window.holder.idNumber')}</dt>
          <dd data-testid="holder-id-number">{view.maskedIdNumber}</dd>
        </div>
        <div>
          <dt>{t('window.holder.age')}</dt>
          <dd data-testid="holder-age">{t('window.holder.ageValue', { age: view.age })}</dd>
        </div>
      </dl>
      {view.applicationsToday.length === 0 ? (
        <p class="wt-muted" data-testid="holder-applications">
          {t('window.holder.noApplications')}
        </p>
      ) : (
        <div data-testid="holder-applications">
          <h3>{t('window.holder.applications')}</h3>
          <ul class="wt-holder__apps">
            {view.applicationsToday.map((a) => (
              <li key={a.applicationNo}>
                {a.services.map((s) => localized(props.words.locale, s.name)).join('、')} · {a.applicationNo} ·{' '}
                {t('window.holder.applicationAt', { time: props.words.time(a.submittedAt) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
