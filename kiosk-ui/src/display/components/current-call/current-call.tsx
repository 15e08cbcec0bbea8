import type { Translate } from '../../display-translator';
import type { DisplayedCall } from '../../display-state';

/** The call being served now, as large as the screen allows; it flashes when it changes. */
export function CurrentCall({ call, t }: { call: DisplayedCall | null; t: Translate }) {
  if (!call) {
    return (
      <section class="current-call current-call--empty" aria-label={t('display.nowCalling')}>
        <p class="current-call-waiting">{t('display.noCallYet')}</p>
      </section>
    );
  }
  return (
    // Keyed by the event id: a new call (or a recall) restarts the flash.
    <section key={call.id} class="current-call current-call--flash" aria-label={t('display.nowCalling')} data-testid="current-call">
      <p class="current-call-label">{t('display.nowCalling')}</p>
      <p class="current-call-ticket" data-testid="current-ticket">
        {call.ticketNo}
      </p>
      <p class="current-call-counter" data-testid="current-counter">
        <span class="current-call-arrow" aria-hidden="true">
          →{' '}
        </span>
        {t('display.counter', { counterNumber: call.counterNumber })}
      </p>
      {call.callCount > 1 && <p class="current-call-recall">{t('display.recall')}</p>}
    </section>
  );
}
