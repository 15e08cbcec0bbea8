import type { SqlDatabase } from '../db/sql-database';
import { QUEUE_EVENTS_CHANNEL } from './append-queue-event';
import { queueEventLog, type LoggedEvent } from './queue-event-log';

/** Something that takes a centre's new events in id order (an SSE connection). */
export interface QueueEventSubscriber {
  deliver(events: readonly LoggedEvent[]): void;
  /** The hub is closing (the app shuts down): end the stream. */
  end(): void;
  /** Keep-alive for proxies and dead-peer detection. */
  heartbeat(): void;
}

/** How many events one read takes; a longer backlog is read in several. */
const READ_BATCH = 500;

/** A centre followed by at least one subscriber on this instance. */
class CentreFeed {
  readonly subscribers = new Set<QueueEventSubscriber>();
  /** The last id delivered to this feed's subscribers (all events up to it are sent). */
  cursor = 0n;
  /** New events may be in the log: read them. */
  dirty = false;
  pumping = false;
  constructor(
    readonly centreId: string,
    readonly ready: Promise<void>,
  ) {}
}

export interface QueueEventHubOptions {
  onError?: (error: unknown) => void;
}

/**
 * One per server instance: LISTENs to `queue_events`, and on "<centreId>:<id>" reads that
 * centre's new rows from the log once, however many clients follow it, and hands the same frames
 * to each. Notifications of one burst (they arrive in the same tick, e.g. several events in one
 * commit) are coalesced into one read. The NOTIFY is only a nudge: the log is the truth, so a
 * notification lost while the listening connection was down is caught up on reconnect.
 */
export class QueueEventHub {
  readonly #feeds = new Map<string, CentreFeed>();
  readonly #onError: (error: unknown) => void;
  #unlisten: (() => Promise<void>) | null = null;
  #stopped = false;
  /** Reads of new events, one per burst per followed centre (not per client). */
  reads = 0;

  constructor(
    private readonly db: SqlDatabase,
    options: QueueEventHubOptions = {},
  ) {
    this.#onError = options.onError ?? (() => undefined);
  }

  async start(): Promise<void> {
    this.#unlisten = await this.db.listen(QUEUE_EVENTS_CHANNEL, {
      onNotification: (payload) => this.#notified(payload),
      // Whatever was notified while the listener was down is lost: re-read every followed centre.
      onReconnect: () => {
        for (const feed of this.#feeds.values()) this.#kick(feed);
      },
    });
  }

  /** Ends every stream (they reconnect to another instance, or to this one after a restart). */
  endAll(): void {
    for (const feed of this.#feeds.values()) for (const subscriber of feed.subscribers) subscriber.end();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.endAll();
    this.#feeds.clear();
    await this.#unlisten?.();
  }

  get subscriberCount(): number {
    let count = 0;
    for (const feed of this.#feeds.values()) count += feed.subscribers.size;
    return count;
  }

  heartbeat(): void {
    for (const feed of this.#feeds.values()) for (const subscriber of feed.subscribers) subscriber.heartbeat();
  }

  /**
   * Follows a centre; resolves with the position from which the subscriber gets every event
   * (events after it are delivered, possibly while the caller still replays: it buffers them).
   */
  async subscribe(centreId: string, subscriber: QueueEventSubscriber): Promise<{ position: bigint; unsubscribe: () => void }> {
    if (this.#stopped) throw new Error('The queue event hub is stopped');
    let feed = this.#feeds.get(centreId);
    if (!feed) {
      const ready = queueEventLog.head(this.db, centreId).then((head) => {
        created.cursor = head;
      });
      const created: CentreFeed = new CentreFeed(centreId, ready);
      feed = created;
      this.#feeds.set(centreId, feed);
      ready.catch(() => {
        // The head could not be read: the next subscriber starts the centre's feed afresh.
        if (this.#feeds.get(centreId) === created) this.#feeds.delete(centreId);
      });
    }
    feed.subscribers.add(subscriber);
    const joined = feed;
    const unsubscribe = () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0 && this.#feeds.get(centreId) === joined) this.#feeds.delete(centreId);
    };
    try {
      await joined.ready;
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return { position: joined.cursor, unsubscribe };
  }

  #notified(payload: string): void {
    const colon = payload.lastIndexOf(':');
    const feed = this.#feeds.get(payload.slice(0, colon));
    if (!feed) return;
    const id = /^\d+$/.test(payload.slice(colon + 1)) ? BigInt(payload.slice(colon + 1)) : null;
    // Already delivered (a catch-up read got it first).
    if (id !== null && id <= feed.cursor) return;
    this.#kick(feed);
  }

  /** Marks the feed dirty and reads once the current tick's notifications have all arrived. */
  #kick(feed: CentreFeed): void {
    feed.dirty = true;
    if (feed.pumping) return;
    feed.pumping = true;
    setImmediate(() => void this.#pump(feed));
  }

  async #pump(feed: CentreFeed): Promise<void> {
    try {
      await feed.ready;
      while (feed.dirty && !this.#stopped) {
        feed.dirty = false;
        if (this.#feeds.get(feed.centreId) !== feed) return; // nobody follows it any more
        const events = await queueEventLog.after(this.db, feed.centreId, feed.cursor, READ_BATCH);
        this.reads += 1;
        if (events.length === READ_BATCH) feed.dirty = true;
        if (events.length === 0) continue;
        feed.cursor = events[events.length - 1]!.id;
        for (const subscriber of feed.subscribers) {
          try {
            subscriber.deliver(events);
          } catch (error) {
            this.#onError(error);
          }
        }
      }
    } catch (error) {
      // The next notification (or the listener's reconnect) reads again from the same cursor.
      this.#onError(error);
    } finally {
      feed.pumping = false;
    }
  }
}
