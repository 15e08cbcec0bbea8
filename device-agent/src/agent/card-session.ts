import type { CardRead } from '../reader/ga467-reader';
import { systemTimers, type Timers } from '../reader/timers';

/**
 * The card the agent last read, held only until the kiosk releases its session or the hold time
 * runs out. Forgetting overwrites the photo bytes, so no copy lingers in the buffer pool.
 */
export class CardSession {
  private read: CardRead | undefined;
  private timer: unknown;

  constructor(
    private readonly holdMs: number,
    private readonly timers: Timers = systemTimers,
  ) {}

  get current(): CardRead | undefined {
    return this.read;
  }

  hold(read: CardRead): void {
    this.forget();
    this.read = read;
    this.timer = this.timers.setTimeout(() => this.forget(), this.holdMs);
  }

  forget(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.read?.photo.fill(0);
    this.read = undefined;
  }
}
