import type { ServerResponse } from 'node:http';
import type { QueueEventSubscriber } from './queue-event-hub';
import type { LoggedEvent } from './queue-event-log';

/** A client this far behind (a stalled display) is cut off; it reconnects and replays from the log. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * One SSE client. Until `goLive` it holds the events the hub delivers (they arrive while the
 * connection still replays the log); after that it writes each event once, in id order: an id
 * at or below the cursor was already sent (by the replay) and is dropped.
 */
export class SseSubscriber implements QueueEventSubscriber {
  #held: LoggedEvent[] | null = [];
  #cursor = 0n;

  constructor(private readonly res: ServerResponse) {}

  get open(): boolean {
    return !this.res.destroyed && !this.res.writableEnded;
  }

  /** Writes the replayed events and `ready` (id = the cursor), then whatever was held back. */
  goLive(replayed: readonly LoggedEvent[], cursor: bigint, ready: string): void {
    const held = this.#held ?? [];
    this.#held = null;
    this.#cursor = cursor;
    this.#write(replayed.map((e) => e.frame).join('') + ready);
    this.deliver(held);
  }

  deliver(events: readonly LoggedEvent[]): void {
    if (this.#held) {
      this.#held.push(...events);
      return;
    }
    let text = '';
    for (const event of events) {
      if (event.id <= this.#cursor) continue;
      this.#cursor = event.id;
      text += event.frame;
    }
    if (text) this.#write(text);
  }

  heartbeat(): void {
    if (!this.#held) this.#write(': keep-alive\n\n');
  }

  end(): void {
    if (this.open) this.res.end();
  }

  #write(text: string): void {
    if (!this.open) return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.res.destroy();
      return;
    }
    this.res.write(text);
  }
}
