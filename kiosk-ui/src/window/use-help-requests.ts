import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { WindowHelpRequests } from '@eldercare/domain';
import { ApiError } from '../shared/api/server-client';
import { windowClient } from './window-client';

/** Requests without a centre appear with no event in this centre's stream: a slow poll finds them. */
const POLL_MS = 15_000;

export interface HelpRequestsState {
  requests: WindowHelpRequests['requests'];
  /** Read the list again now (a help.requested / help.resolved queue event came). */
  refresh: () => void;
  /** 已处理: closes the request; a colleague being quicker (409) or it being gone (404) is no failure. */
  resolve: (id: number) => void;
  /** The request being closed now, so its button waits. */
  resolving: number | null;
  /** The code of the last failed resolve, until the next one. */
  failure: string | null;
}

/**
 * The open help requests while logged in to a centre: read at once, again on each help event
 * and on a slow poll. A failed read keeps the last list; the next one tries again.
 */
export function useHelpRequests(centreId: string | null, client = windowClient): HelpRequestsState {
  const [requests, setRequests] = useState<WindowHelpRequests['requests']>([]);
  const [resolving, setResolving] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The read of the current centre, or null while logged out; a late answer of an older centre is dropped.
  const read = useRef<(() => void) | null>(null);

  useEffect(() => {
    setRequests([]);
    setFailure(null);
    if (centreId === null) {
      read.current = null;
      return;
    }
    let stopped = false;
    let latest = 0;
    const poll = () => {
      const serial = ++latest;
      client.helpRequests(centreId).then(
        (answer) => !stopped && serial === latest && setRequests(answer.requests),
        () => undefined,
      );
    };
    read.current = poll;
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      read.current = null;
      clearInterval(timer);
    };
  }, [centreId, client]);

  const refresh = useCallback(() => read.current?.(), []);
  const resolve = useCallback(
    (id: number) => {
      setResolving(id);
      setFailure(null);
      client.resolveHelpRequest(id).then(
        () => {
          setRequests((list) => list.filter((r) => r.id !== id));
          setResolving(null);
          read.current?.();
        },
        (err: unknown) => {
          const code = err instanceof ApiError ? err.code : 'NETWORK';
          if (code !== 'HELP_REQUEST_ALREADY_RESOLVED' && code !== 'HELP_REQUEST_NOT_FOUND') setFailure(code);
          setResolving(null);
          read.current?.();
        },
      );
    },
    [client],
  );
  return { requests, refresh, resolve, resolving, failure };
}
