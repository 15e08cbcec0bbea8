import { describeCallReason, type CounterView } from '@eldercare/domain';
import type { WindowWords } from '../../window-translator';
import { PriorityMarks } from '../priority-marks/priority-marks';

/** What call-next would call now and why, then everyone waiting for this counter in arrival order. */
export function WaitingList({ view, words }: { view: CounterView; words: WindowWords }) {
  const { t } = words;
  return (
    <aside class="wt-queue" aria-labelledby="wt-next-heading">
      <section class="wt-next" data-testid="next-ticket">
        <h2 id="wt-next-heading">{t('window.next.heading')}</h2>
        {view.next === null ? (
          <p class="wt-muted">{t('window.next.none')}</p>
        ) : (
          <>
            <strong class="wt-next__no" data-testid="next-ticket-no">
              {view.next.ticketNo}
            </strong>
            <p class="wt-reason" data-testid="next-reason">
              {describeCallReason(words.locale, view.next.reason)}
            </p>
          </>
        )}
      </section>
      <section class="wt-waiting">
        <h2>{t('window.waiting.heading', { count: view.waiting.length })}</h2>
        {view.waiting.length === 0 ? (
          <p class="wt-muted">{t('window.waiting.empty')}</p>
        ) : (
          <ol class="wt-waiting__list" data-testid="waiting-list">
            {view.waiting.map((ticket) => (
              <li
                key={ticket.ticketId}
                data-testid="waiting-item"
                data-ticket-no={ticket.ticketNo}
                class={ticket.ticketNo === view.next?.ticketNo ? 'wt-waiting__item wt-waiting__item--next' : 'wt-waiting__item'}
              >
                <strong>{ticket.ticketNo}</strong>
                <span class="wt-waiting__marks">
                  <PriorityMarks classes={ticket.priority} words={words} hideNormal />
                  {ticket.targetCounter !== null && <span class="wt-badge wt-badge--transfer">{t('window.waiting.targeted')}</span>}
                </span>
                <span class="wt-muted">{t('window.waiting.issuedAt', { time: words.time(ticket.issuedAt) })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
