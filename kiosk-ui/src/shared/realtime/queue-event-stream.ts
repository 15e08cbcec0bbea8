import { QueueEventBodySchema, type QueueEvent } from '@eldercare/domain';
import { isQueueEvent } from './is-queue-event';

/**
 * A centre's queue events, live, for the call display and the window terminal:
 * GET /api/v1/queue/centres/:centreId/events (Server-Sent Events).
 *
 * EventSource reconnects by itself after a network loss and sends Last-Event-ID, so the server
 * replays exactly what was missed. It gives up, though, when a reconnect gets an HTTP error (a
 * 502 from a proxy, a 503 while the server restarts): then this opens a new EventSource after a
 * back-off, with `?after=<last id>`, so a display never stops and never misses a call.
 * Events are handed on once each, in id order (a replay that overlaps live events is dropped).
 */

/** connecting: first connection; connected: live; reconnecting: lost, trying again; closed: close() was called. */
export type QueueStreamState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface QueueEventMeta {
  /** Sent before the server's `ready` of this connection: a replay of the past (today's, or missed while away). */
  replayed: boolean;
}

export type QueueEventListener = (event: QueueEvent, meta: QueueEventMeta) => void;

/** The EventSource surface used here, so Node tests can pass a spec-compliant implementation. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: never, ev: Event) => unknown) | null;
  onerror: ((this: never, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

export interface QueueEventStreamOptions {
  centreId: string;
  /**
   * Where to start. 'today': replay today's events first (the latest 500), e.g. the display's
   * last calls; 'live' (default): from now on. A string id: everything after that event.
   */
  from?: 'today' | 'live' | string;
  /** Origin of the server; default the page's own. */
  baseUrl?: string;
  /** Defaults to the browser's EventSource. */
  createEventSource?: (url: string) => EventSourceLike;
  /**
   * Back-off before a new EventSource once the browser gave up (ms, doubled up to maxRetryMs):
   * a server restarting answers 503 for a few seconds, and a hall should not wait long after.
   */
  minRetryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface QueueEventStream {
  /** Each event once, in order; returns the unsubscribe function. */
  subscribe(onEvent: QueueEventListener): () => void;
  /** Called with the current state at once and on every change; returns the unsubscribe function. */
  onState(onChange: (state: QueueStreamState) => void): () => void;
  readonly state: QueueStreamState;
  /** The id of the last event handed on (or the server's position from `ready`); null before any. */
  readonly lastEventId: string | null;
  close(): void;
}

/** Every event type of the contract: an EventSource only hands on the named events it listens to. */
export const QUEUE_EVENT_TYPES: readonly string[] = QueueEventBodySchema.anyOf.map((branch) => branch.properties.type.const);

const EVENT_SOURCE_CLOSED = 2;

/** Ids are decimal strings of a bigint: compare by length first, then as text. */
export function compareEventIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function openQueueEventStream(options: QueueEventStreamOptions): QueueEventStream {
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url) as unknown as EventSourceLike);
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const minRetryMs = options.minRetryMs ?? 1_000;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const listeners = new Set<QueueEventListener>();
  const stateListeners = new Set<(state: QueueStreamState) => void>();
  let state: QueueStreamState = 'connecting';
  let lastEventId: string | null = options.from && options.from !== 'today' && options.from !== 'live' ? options.from : null;
  let source: EventSourceLike | null = null;
  let ready = false;
  let retryMs = minRetryMs;
  let retryTimer: unknown = null;

  const setState = (next: QueueStreamState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const urlFor = (): string => {
    const base = `${options.baseUrl ?? ''}/api/v1/queue/centres/${encodeURIComponent(options.centreId)}/events`;
    if (lastEventId !== null) return `${base}?after=${lastEventId}`;
    return options.from === 'today' ? `${base}?after=0` : base;
  };

  const onQueueEvent = (message: MessageEvent<string>) => {
    let event: unknown;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    // A malformed event is dropped rather than shown; the server validates what it appends.
    if (!isQueueEvent(event)) return;
    if (lastEventId !== null && compareEventIds(event.id, lastEventId) <= 0) return;
    lastEventId = event.id;
    for (const listener of listeners) listener(event, { replayed: !ready });
  };

  const onReady = (message: MessageEvent<string>) => {
    ready = true;
    retryMs = minRetryMs;
    // The server's position: a later reconnect asks for what follows it, even if nothing came yet.
    if (/^\d+$/.test(message.lastEventId) && (lastEventId === null || compareEventIds(message.lastEventId, lastEventId) > 0)) {
      lastEventId = message.lastEventId;
    }
    setState('connected');
  };

  const connect = () => {
    ready = false;
    const es = createEventSource(urlFor());
    source = es;
    for (const type of QUEUE_EVENT_TYPES) es.addEventListener(type, onQueueEvent);
    es.addEventListener('ready', onReady);
    es.onerror = () => {
      if (source !== es || state === 'closed') return;
      ready = false;
      setState(state === 'connecting' ? 'connecting' : 'reconnecting');
      if (es.readyState !== EVENT_SOURCE_CLOSED) return; // the browser retries by itself
      es.close();
      source = null;
      retryTimer = setTimer(() => {
        retryTimer = null;
        if (state !== 'closed') connect();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    };
  };

  connect();

  return {
    subscribe(onEvent) {
      listeners.add(onEvent);
      return () => listeners.delete(onEvent);
    },
    onState(onChange) {
      stateListeners.add(onChange);
      onChange(state);
      return () => stateListeners.delete(onChange);
    },
    get state() {
      return state;
    },
    get lastEventId() {
      return lastEventId;
    },
    close() {
      setState('closed');
      if (retryTimer !== null) clearTimer(retryTimer);
      source?.close();
      source = null;
      listeners.clear();
      stateListeners.clear();
    },
  };
}
