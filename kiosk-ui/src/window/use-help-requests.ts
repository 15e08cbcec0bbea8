import { useEffect, useState } from 'preact/hooks';
import type { WindowHelpRequests } from '@eldercare/domain';
import { windowClient } from './window-client';

const POLL_MS = 15_000;

/**
 * The open help requests while logged in to a centre, polled (they are not queue events). A
 * failed poll keeps the last list; the next poll tries again.
 */
export function useHelpRequests(centreId: string | null, client = windowClient): WindowHelpRequests['requests'] {
  const [requests, setRequests] = useState<WindowHelpRequests['requests']>([]);
  useEffect(() => {
    setRequests([]);
    if (centreId === null) return;
    let stopped = false;
    const poll = () =>
      client.helpRequests(centreId).then(
        (answer) => !stopped && setRequests(answer.requests),
        () => undefined,
      );
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [centreId, client]);
  return requests;
}
