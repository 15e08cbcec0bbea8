import type { IdCardData, ReaderState } from '@eldercare/domain';
import { RETRYABLE_READ_SW3 } from '../ga467/ga467-status';
import { ReaderError } from '../ga467/reader-error';
import type { CardRead } from './ga467-reader';
import { systemTimers, type Timers } from './timers';

/** What the poller needs from a reader driver (Ga467Reader fits). */
export interface CardSource {
  findCard(): Promise<boolean>;
  selectCard(): Promise<void>;
  readCard(): Promise<CardRead>;
  /** The extra address (追加住址), null when none was written; optional for simple sources. */
  readExtraAddress?(): Promise<string | null>;
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
  /** Further select+read attempts after a read fails with 31, 32, 33 or 41. */
  readRetries?: number;
  /** Wait before the first retry; it doubles for each further one (100, 200, 400 ms). */
  retryBackoffMs?: number;
  /** Read the extra address (30 03) after the card text. */
  readExtraAddress?: boolean;
  timers?: Timers;
}

/** The longest extra address kept: a card holds up to four 35-character entries. */
const MAX_EXTRA_ADDRESS = 140;

/**
 * Turns find-card polling into card events: placed → read (or failed) → removed. A card is read
 * once per placement: after a read (or a failed read) the card must be seen absent before
 * another card is read.
 */
export class CardPoller {
  private readonly intervalMs: number;
  private readonly absentPollsToRemove: number;
  private readonly readRetries: number;
  private readonly retryBackoffMs: number;
  private readonly readExtraAddress: boolean;
  private readonly timers: Timers;
  private readonly listeners = new Set<(event: CardPollerEvent) => void>();
  private running = false;
  /** Bumped by every start(), so a poll still in flight from before a stop() does not reschedule. */
  private generation = 0;
  private timer: unknown;
  private tickInFlight: Promise<void> | undefined;
  private cardOnReader = false;
  private absentPolls = 0;
  /** Unknown until the first poll after start(), so that poll always reports the state. */
  private state_: ReaderState | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly source: CardSource,
    options: CardPollerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 300;
    this.absentPollsToRemove = options.absentPollsToRemove ?? 2;
    this.readRetries = options.readRetries ?? 3;
    this.retryBackoffMs = options.retryBackoffMs ?? 100;
    this.readExtraAddress = options.readExtraAddress ?? true;
    this.timers = options.timers ?? systemTimers;
    if (!(this.intervalMs > 0)) throw new RangeError('intervalMs must be positive');
    if (!Number.isInteger(this.absentPollsToRemove) || this.absentPollsToRemove < 1) {
      throw new RangeError('absentPollsToRemove must be a positive integer');
    }
    if (!Number.isInteger(this.readRetries) || this.readRetries < 0) throw new RangeError('readRetries must be a non-negative integer');
    if (!(this.retryBackoffMs >= 0)) throw new RangeError('retryBackoffMs must not be negative');
  }

  get state(): ReaderState {
    return this.state_ ?? 'offline';
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
    this.state_ = undefined;
    this.lastError = undefined;
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
      const { card, photo } = await this.readRetrying();
      const extraAddress = await this.extraAddress();
      this.emit({ type: 'card.read', card: extraAddress ? { ...card, extraAddress } : card, photo });
    } catch (err) {
      this.emit({ type: 'card.failed', code: errorCode(err) });
    }
    this.setState('card-present');
  }

  /**
   * Selects and reads, and again after a failure that a card still settling in the field or
   * moved during authentication causes (31, 32, 33, 41), waiting longer each time.
   */
  private async readRetrying(): Promise<CardRead> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.source.selectCard();
        return await this.source.readCard();
      } catch (err) {
        const retryable = err instanceof ReaderError && err.sw3 !== undefined && RETRYABLE_READ_SW3.includes(err.sw3);
        if (!retryable || attempt >= this.readRetries || !this.running) throw err;
        await this.sleep(this.retryBackoffMs * 2 ** attempt);
      }
    }
  }

  /** Optional extra: a failure here (or an absurd answer) must not cost the card read already done. */
  private async extraAddress(): Promise<string | undefined> {
    if (!this.readExtraAddress || !this.source.readExtraAddress) return undefined;
    try {
      const address = await this.source.readExtraAddress();
      return address && address.length <= MAX_EXTRA_ADDRESS ? address : undefined;
    } catch {
      return undefined;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.setTimeout(resolve, ms));
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
