import { describeCallReason, type CounterView, type CurrentTicket } from '@eldercare/domain';
import { categoryLabel } from '../../category-label';
import type { WindowWords } from '../../window-translator';
import { PriorityMarks } from '../priority-marks/priority-marks';

/** The ticket at the window, large: number, line, priority, how often called, and why it was called. */
export function CurrentTicketCard(props: { view: CounterView; current: CurrentTicket | null; calling: boolean; words: WindowWords }) {
  const { t } = props.words;
  const { current } = props;
  if (current === null) {
    return (
      <section class="wt-current wt-current--empty" data-testid="current-ticket" aria-live="polite">
        <h2>{t('window.current.heading')}</h2>
        <p class="wt-current__none">{props.calling ? t('window.current.calling') : t('window.current.none')}</p>
      </section>
    );
  }
  return (
    <section class="wt-current" data-testid="current-ticket" aria-live="polite">
      <h2>{t('window.current.heading')}</h2>
      <div class="wt-current__main">
        <strong class="wt-current__no" data-testid="current-ticket-no">
          {current.ticketNo}
        </strong>
        <div class="wt-current__facts">
          <span class="wt-current__category">{categoryLabel(props.view, current.category, props.words)}</span>
          <span>
            <PriorityMarks classes={current.priority} words={props.words} />
          </span>
          <span data-testid="current-call-count" data-count={current.callCount}>
            {t('window.current.callCount', { count: current.callCount })} · {t('window.current.calledAt', { time: props.words.time(current.calledAt) })}
          </span>
        </div>
      </div>
      <p class="wt-reason">
        <span class="wt-muted">{t('window.current.reason')}：</span>
        <span data-testid="current-reason">{describeCallReason(props.words.locale, current.reason)}</span>
      </p>
    </section>
  );
}
