import type { ReaderState, ReaderStatus } from '@eldercare/domain';
import { ReaderError } from '../ga467/reader-error';
import { CardPoller, type CardPollerEvent } from '../reader/card-poller';
import { Ga467Reader } from '../reader/ga467-reader';
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';

export interface ReaderDeviceOptions {
  pollIntervalMs?: number;
  /** Wait between attempts to (re)open a lost or missing reader. */
  reconnectMs?: number;
  /**
   * Timeout of short commands. With the poll interval it bounds how soon a reader that went
   * silent is reported offline (300 + 1000 ms by default, within 2 s).
   */
  commandTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Read the extra address (30 03) after each card. */
  readExtraAddress?: boolean;
  /** Further select+read attempts after a read the card may have spoilt (31, 32, 33, 41). */
  readRetries?: number;
  timers?: Timers;
}

export interface ReaderDiagnosis {
  samId?: string;
  samHealthy: boolean;
  /** The error code when the SAM could not be asked or did not answer well. */
  error?: string;
}

/**
 *   connecting  opening the link and running the SAM checks (reset, status, SAM id)
 *   running     polling for cards
 *   down        the link is gone, silent or the SAM failed its checks: retried every reconnectMs
 *   closed      close() was called
 */
type Phase = 'connecting' | 'running' | 'down' | 'closed';

/**
 * The reader as the agent sees it: a link that is (re)opened until it works, a GA 467 driver on
 * it and a card poller. Unplugging the reader (the link closes with an error) or a reader that
 * stops answering takes it offline; it is reopened, checked again and polled again without
 * restarting the agent. Card events and state changes go to the listeners.
 */
export class ReaderDevice {
  private readonly reader: Ga467Reader;
  private readonly poller: CardPoller;
  private readonly timers: Timers;
  private readonly reconnectMs: number;
  private readonly listeners = new Set<(event: CardPollerEvent) => void>();
  private phase: Phase = 'down';
  private retryTimer: unknown;
  private samId: string | undefined;
  private samHealthy: boolean | undefined;
  /** Why the reader is down (a transport or reader error code). */
  private downError: string | undefined;
  /** Down because the SAM answered with an error (fault), rather than not at all (offline). */
  private downState: ReaderState = 'offline';
  private lastEmitted = '';

  constructor(
    readonly address: string,
    private readonly transport: ByteTransport,
    options: ReaderDeviceOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.reconnectMs = options.reconnectMs ?? 2000;
    this.reader = new Ga467Reader(transport, {
      timers: this.timers,
      ...(options.commandTimeoutMs !== undefined ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
      ...(options.readTimeoutMs !== undefined ? { readTimeoutMs: options.readTimeoutMs } : {}),
    });
    this.poller = new CardPoller(this.reader, {
      timers: this.timers,
      ...(options.pollIntervalMs !== undefined ? { intervalMs: options.pollIntervalMs } : {}),
      ...(options.readExtraAddress !== undefined ? { readExtraAddress: options.readExtraAddress } : {}),
      ...(options.readRetries !== undefined ? { readRetries: options.readRetries } : {}),
    });
    this.poller.on((event) => this.onPollerEvent(event));
    transport.onClose((err) => {
      if (err) this.goDown('offline', 'READER_DISCONNECTED');
    });
  }

  get status(): ReaderStatus {
    const running = this.phase === 'running';
    const state = running ? this.poller.state : this.phase === 'down' ? this.downState : 'offline';
    const lastError = running ? this.poller.error : this.downError;
    return {
      address: this.address,
      state,
      ...(this.samId ? { samId: this.samId } : {}),
      ...(this.samHealthy !== undefined ? { samHealthy: this.samHealthy } : {}),
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

  /**
   * Runs the SAM checks now (reset, status, SAM id), between polls, for the technician page.
   * Updates samId and samHealthy in the status.
   */
  async diagnose(): Promise<ReaderDiagnosis> {
    if (this.phase === 'closed' || !this.transport.isOpen) {
      return { ...(this.samId ? { samId: this.samId } : {}), samHealthy: false, error: this.downError ?? 'READER_DISCONNECTED' };
    }
    try {
      await this.checkSam();
      return { ...(this.samId ? { samId: this.samId } : {}), samHealthy: true };
    } catch (err) {
      return { ...(this.samId ? { samId: this.samId } : {}), samHealthy: false, error: errorCode(err) };
    } finally {
      this.emitState();
    }
  }

  async close(): Promise<void> {
    this.phase = 'closed';
    this.timers.clearTimeout(this.retryTimer);
    await this.poller.stop();
    this.reader.dispose();
    await this.transport.close().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.phase !== 'down') return;
    this.phase = 'connecting';
    try {
      if (!this.transport.isOpen) await this.transport.open();
      await this.checkSam();
    } catch (err) {
      // The SAM answering with an error is a fault; no answer or no link is offline.
      const samAnswered = err instanceof ReaderError && err.sw3 !== undefined;
      this.phase = 'down';
      this.goDown(samAnswered ? 'fault' : 'offline', errorCode(err));
      return;
    }
    if (this.phase !== 'connecting') return; // closed, or lost again meanwhile
    this.phase = 'running';
    this.downError = undefined;
    // Its first poll reports the state (ready, or offline again if the reader is still silent).
    this.poller.start();
  }

  /** 10 FF, 11 FF, 12 FF. samHealthy reflects the status answer (and a reset the SAM refused). */
  private async checkSam(): Promise<void> {
    try {
      await this.reader.reset();
      await this.reader.status();
    } catch (err) {
      if (err instanceof ReaderError && err.sw3 !== undefined) this.samHealthy = false;
      throw err;
    }
    this.samHealthy = true;
    this.samId = await this.reader.samId();
  }

  private onPollerEvent(event: CardPollerEvent): void {
    if (this.phase !== 'running') return;
    // Silence or a lost link while polling: stop polling and reconnect (the SAM checks run again).
    // A SAM answering polls with an error (60 …) gets the same treatment as at start-up.
    if (event.type === 'reader.state' && (event.state === 'offline' || event.state === 'fault')) {
      if (event.state === 'fault') this.samHealthy = false;
      this.goDown(event.state, event.error ?? (event.state === 'offline' ? 'READER_TIMEOUT' : 'READER_COMMS_FAULT'));
      return;
    }
    if (event.type === 'reader.state') {
      this.emitState();
      return;
    }
    this.emit(event);
  }

  private goDown(state: ReaderState, error: string): void {
    if (this.phase === 'closed') return;
    const wasRunning = this.phase === 'running';
    if (this.phase === 'running') this.phase = 'down';
    if (wasRunning) void this.poller.stop();
    this.downState = state;
    this.downError = error;
    this.emitState();
    if (this.phase === 'down') this.scheduleConnect();
  }

  private scheduleConnect(): void {
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => void this.connect(), this.reconnectMs);
  }

  /** Emits reader.state when what the status says has changed. */
  private emitState(): void {
    const { state, lastError } = this.status;
    const key = `${state}|${lastError ?? ''}|${this.samHealthy}|${this.samId ?? ''}`;
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.emit({ type: 'reader.state', state, ...(lastError ? { error: lastError } : {}) });
  }

  private emit(event: CardPollerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function errorCode(err: unknown): string {
  if (err instanceof ReaderError) return err.code;
  return (err as { code?: string } | undefined)?.code ?? 'READER_COMMS_FAULT';
}
