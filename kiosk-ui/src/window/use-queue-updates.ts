import { useEffect, useState } from 'preact/hooks';
import { openQueueEventStream, type QueueStreamState } from '../shared/realtime/queue-event-stream';

/**
 * Follows the centre's queue events (shared SSE client) while a centre is known and tells the
 * machine its view may be stale on each one: another window's call, a new ticket, a transfer.
 * A reconnect replays what was missed, so those count too.
 */
export function useQueueUpdates(centreId: string | null, onStale: () => void): QueueStreamState | null {
  const [state, setState] = useState<QueueStreamState | null>(null);
  useEffect(() => {
    if (centreId === null) {
      setState(null);
      return;
    }
    const stream = openQueueEventStream({ centreId, from: 'live' });
    const unsubscribe = stream.subscribe(() => onStale());
    const unwatch = stream.onState(setState);
    return () => {
      unsubscribe();
      unwatch();
      stream.close();
    };
    // onStale is stable (it sends to one actor).
  }, [centreId]);
  return state;
}
