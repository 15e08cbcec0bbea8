import type { IdCardData, ReaderState } from '@eldercare/domain';
import { ReaderError } from '../ga467/reader-error';
import type { CardRead } from './ga467-reader';
import { systemTimers, type Timers } from './timers';

/** What the poller needs from a reader driver (Ga467Reader fits). */
export interface CardSource {
  findCard(): Promise<boolean>;
  selectCard(): Promise<void>;
  readCard(): Promise<CardRead>;
}

export type CardPollerEvent =
  | { type: 'card.placed' }
  | { type: 'card.read'; card: IdCardData; photo: Buffer }
  | { type: 'card.failed'; code: string }
  | { type: 'card.removed' }
  | { type: 'reader.state'; state: ReaderState; error?: string };

export interface CardPollerOptions {
  /** Time between two find-card commands. */
  intervalMs?: number;
  /** Consecutive "no card" answers that mean the card was taken off (one can be a glitch). */
  absentPollsToRemove?: number;
  timers?: Timers;
}

/**
 * Turns find-card polling into card events: placed → read (or failed) → removed. A card is read
 * once per placement: after a read (or a failed read) the card must be seen absent before
 * another card is read.
 */
export class CardPoller {
  private readonly intervalMs: number;
  private readonly absentPollsToRemove: number;
  private readonly timers: Timers;
  private readonly listeners = new Set<(event: CardPollerEvent) => void>();
  private running = false;
  /** Bumped by every start(), so a poll still in flight from before a stop() does not reschedule. */
  private generation = 0;
  private timer: unknown;
  private tickInFlight: Promise<void> | undefined;
  private cardOnReader = false;
  private absentPolls = 0;
  private state_: ReaderState = 'offline';
  private lastError: string | undefined;

  constructor(
    private readonly source: CardSource,
    options: CardPollerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 300;
    this.absentPollsToRemove = options.absentPollsToRemove ?? 2;
    this.timers = options.timers ?? systemTimers;
    if (!(this.intervalMs > 0)) throw new RangeError('intervalMs must be positive');
    if (!Number.isInteger(this.absentPollsToRemove) || this.absentPollsToRemove < 1) {
      throw new RangeError('absentPollsToRemove must be a positive integer');
    }
  }

  get state(): ReaderState {
    return this.state_;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  on(listener: (event: CardPollerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation++;
    this.schedule(0);
  }

  /** Stops polling; resolves once a poll in progress has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.timers.clearTimeout(this.timer);
    await this.tickInFlight;
  }

  private schedule(ms: number): void {
    const generation = this.generation;
    this.timer = this.timers.setTimeout(() => {
      this.tickInFlight = this.tick(generation).finally(() => (this.tickInFlight = undefined));
    }, ms);
  }

  private async tick(generation: number): Promise<void> {
    if (!this.running || generation !== this.generation) return;
    try {
      const found = await this.source.findCard();
      if (!this.cardOnReader) {
        this.setState('ready');
        if (found && this.running) await this.readPlacedCard();
      } else if (found) {
        this.absentPolls = 0;
        this.setState('card-present');
      } else if (++this.absentPolls >= this.absentPollsToRemove) {
        this.cardOnReader = false;
        this.absentPolls = 0;
        this.emit({ type: 'card.removed' });
        this.setState('ready');
      }
    } catch (err) {
      this.setState(stateAfter(err), errorCode(err));
    }
    if (this.running && generation === this.generation) this.schedule(this.intervalMs);
  }

  private async readPlacedCard(): Promise<void> {
    this.cardOnReader = true;
    this.absentPolls = 0;
    this.emit({ type: 'card.placed' });
    this.setState('reading');
    try {
      await this.source.selectCard();
      const { card, photo } = await this.readRetryingOnce();
      this.emit({ type: 'card.read', card, photo });
    } catch (err) {
      this.emit({ type: 'card.failed', code: errorCode(err) });
    }
    this.setState('card-present');
  }

  /** A read failure (41) is often a card still settling in the field: select and read once more. */
  private async readRetryingOnce(): Promise<CardRead> {
    try {
      return await this.source.readCard();
    } catch (err) {
      if (!(err instanceof ReaderError) || err.code !== 'READER_READ_FAILED') throw err;
      await this.source.selectCard();
      return this.source.readCard();
    }
  }

  private setState(state: ReaderState, error?: string): void {
    if (state === this.state_ && error === this.lastError) return;
    this.state_ = state;
    this.lastError = error;
    this.emit({ type: 'reader.state', state, ...(error ? { error } : {}) });
  }

  private emit(event: CardPollerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function errorCode(err: unknown): string {
  return err instanceof ReaderError ? err.code : 'READER_COMMS_FAULT';
}

/** Silence or a lost link is "offline"; a SAM that answers with an error is at "fault". */
function stateAfter(err: unknown): ReaderState {
  if (err instanceof ReaderError && (err.code === 'READER_TIMEOUT' || err.code === 'READER_DISCONNECTED')) return 'offline';
  return 'fault';
}
