import { useEffect, useState } from 'preact/hooks';
import { openQueueEventStream, type QueueStreamState } from '../shared/realtime/queue-event-stream';

/**
 * Follows the centre's queue events (shared SSE client) while a centre is known: a kiosk's help
 * call or its resolve goes to onHelp (the banner reads its list again), every other event tells
 * the machine its view may be stale (another window's call, a new ticket, a transfer). A
 * reconnect replays what was missed, so those count too.
 */
export function useQueueUpdates(centreId: string | null, onStale: () => void, onHelp: () => void): QueueStreamState | null {
  const [state, setState] = useState<QueueStreamState | null>(null);
  useEffect(() => {
    if (centreId === null) {
      setState(null);
      return;
    }
    const stream = openQueueEventStream({ centreId, from: 'live' });
    const unsubscribe = stream.subscribe((event) => (event.type === 'help.requested' || event.type === 'help.resolved' ? onHelp() : onStale()));
    const unwatch = stream.onState(setState);
    return () => {
      unsubscribe();
      unwatch();
      stream.close();
    };
    // onStale is stable (it sends to one actor), and so is onHelp (useHelpRequests' refresh).
  }, [centreId]);
  return state;
}
