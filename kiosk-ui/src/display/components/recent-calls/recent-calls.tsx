import type { Translate } from '../../display-translator';
import type { DisplayedCall } from '../../display-state';

/** The calls before the current one, newest first: for whoever missed hearing their number. */
export function RecentCalls({ calls, t }: { calls: DisplayedCall[]; t: Translate }) {
  return (
    <section class="recent-calls" aria-labelledby="recent-calls-title">
      <h2 id="recent-calls-title">{t('display.recentCalls')}</h2>
      <ol data-testid="recent-calls">
        {calls.map((call) => (
          <li key={call.id} data-ticket={call.ticketNo}>
            <span class="recent-ticket">{call.ticketNo}</span>
            <span class="recent-counter">{t('display.counter', { counterNumber: call.counterNumber })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
