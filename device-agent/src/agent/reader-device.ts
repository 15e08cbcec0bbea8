import type { ReaderState } from '@eldercare/domain';
import { CardPoller, type CardPollerEvent } from '../reader/card-poller';
import { Ga467Reader } from '../reader/ga467-reader';
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';

export interface ReaderDeviceOptions {
  pollIntervalMs?: number;
  /** Wait between attempts to (re)open a lost or missing reader. */
  reconnectMs?: number;
  timers?: Timers;
}

export interface ReaderDeviceStatus {
  address: string;
  state: ReaderState;
  samId?: string;
  lastError?: string;
}

/**
 * The reader as the agent sees it: a link that is (re)opened until it works, a GA 467 driver on
 * it and a card poller. Card events and state changes go to the listeners.
 */
export class ReaderDevice {
  private readonly reader: Ga467Reader;
  private readonly poller: CardPoller;
  private readonly timers: Timers;
  private readonly reconnectMs: number;
  private readonly listeners = new Set<(event: CardPollerEvent) => void>();
  private connected = false;
  private closed = false;
  private retryTimer: unknown;
  private samId: string | undefined;
  private linkError: string | undefined;

  constructor(
    readonly address: string,
    private readonly transport: ByteTransport,
    options: ReaderDeviceOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.reconnectMs = options.reconnectMs ?? 2000;
    this.reader = new Ga467Reader(transport, { timers: this.timers });
    this.poller = new CardPoller(this.reader, { timers: this.timers, ...(options.pollIntervalMs ? { intervalMs: options.pollIntervalMs } : {}) });
    this.poller.on((event) => this.emit(event));
    transport.onClose((err) => {
      if (this.closed || !err) return;
      this.connected = false;
      this.linkError = 'READER_DISCONNECTED';
      void this.poller.stop();
      this.emitState();
      this.scheduleConnect();
    });
  }

  get status(): ReaderDeviceStatus {
    const state = this.connected ? this.poller.state : 'offline';
    const lastError = this.connected ? this.poller.error : this.linkError;
    return {
      address: this.address,
      state,
      ...(this.samId ? { samId: this.samId } : {}),
      ...(lastError ? { lastError } : {}),
    };
  }

  on(listener: (event: CardPollerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts connecting; never throws (an absent reader is a state, not a crash). */
  start(): void {
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.clearTimeout(this.retryTimer);
    await this.poller.stop();
    this.reader.dispose();
    await this.transport.close().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.transport.isOpen) await this.transport.open();
    } catch (err) {
      this.linkError = (err as { code?: string }).code ?? 'TRANSPORT_OPEN_FAILED';
      this.emitState();
      this.scheduleConnect();
      return;
    }
    if (this.closed) return;
    this.connected = true;
    this.linkError = undefined;
    // The poller reports the reader's state; the SAM id is only for the technician.
    this.samId = await this.reader.samId().catch(() => this.samId);
    if (this.closed || !this.connected) return;
    this.poller.start();
    // The poller may still hold the state it had before the link dropped: say we are back.
    this.emitState();
  }

  private scheduleConnect(): void {
    if (this.closed) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => void this.connect(), this.reconnectMs);
  }

  private emitState(): void {
    const { state, lastError } = this.status;
    this.emit({ type: 'reader.state', state, ...(lastError ? { error: lastError } : {}) });
  }

  private emit(event: CardPollerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
