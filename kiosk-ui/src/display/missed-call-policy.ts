import type { QueueEvent } from '@eldercare/domain';
import { compareEventIds } from '../shared/realtime/queue-event-stream';

/** A call missed while the stream was down (or the page reloading) is still said if this recent. */
export const MISSED_CALL_MAX_AGE_MS = 2 * 60_000;

type CalledEvent = Extract<QueueEvent, { type: 'ticket.called' }>;

export interface MissedCallPolicy {
  /** Whether to say this call; a call said once is never said again (a recall is a new call). */
  shouldAnnounce(event: CalledEvent, meta: { replayed: boolean }): boolean;
  /** The stream is live: from now on a replay after a reconnect is what this page missed. */
  markLive(): void;
}

/**
 * Live calls are always said. Replayed ones (history sent on connect) only when they were not
 * said yet — the last said call's id is kept in sessionStorage, which survives a reload of the
 * tab — and are recent enough to still matter: after a long outage the screen shows the calls,
 * but a dozen stale announcements would only confuse the hall. A page just switched on (nothing
 * stored) says none of the day's history it receives before it is live.
 */
export function createMissedCallPolicy(options: {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  centreId: string;
  now: () => number;
  maxAgeMs?: number;
}): MissedCallPolicy {
  const key = `display.lastAnnounced.${options.centreId}`;
  const maxAgeMs = options.maxAgeMs ?? MISSED_CALL_MAX_AGE_MS;
  let lastAnnounced = options.storage.getItem(key);
  if (lastAnnounced !== null && !/^\d+$/.test(lastAnnounced)) lastAnnounced = null;
  // A reloaded page knows where it was; a new one only once it has been live.
  let knowsWhatItMissed = lastAnnounced !== null;

  return {
    markLive() {
      knowsWhatItMissed = true;
    },
    shouldAnnounce(event, { replayed }) {
      if (lastAnnounced !== null && compareEventIds(event.id, lastAnnounced) <= 0) return false;
      const announce = !replayed || (knowsWhatItMissed && options.now() - Date.parse(event.at) <= maxAgeMs);
      // Seen is seen: a call too old to say now must not be said after the next reload either.
      lastAnnounced = event.id;
      options.storage.setItem(key, event.id);
      return announce;
    },
  };
}
