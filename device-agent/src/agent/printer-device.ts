import type { PrinterState, PrintResult, ReceiptDocument } from '@eldercare/domain';
import { faultCode } from '../printer/printer-status';
import { ReceiptPrinter } from '../printer/receipt-printer';
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';

export interface PrinterDeviceOptions {
  statusIntervalMs?: number;
  statusTimeoutMs?: number;
  timers?: Timers;
}

export interface PrinterDeviceStatus {
  address: string;
  state: PrinterState;
  lastError?: string;
  /** Jobs accepted and not yet finished (the one being printed included). */
  queued: number;
  /** A job waits on a printer fault. */
  held: boolean;
}

/**
 * The receipt printer as the agent sees it: its state kept fresh by periodic DLE EOT polls (the
 * driver reopens a closed link on each poll), and prints that update it.
 */
export class PrinterDevice {
  private readonly printer: ReceiptPrinter;
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private readonly listeners = new Set<() => void>();
  private state: PrinterState = 'offline';
  private lastError: string | undefined = undefined;
  private timer: unknown;
  private closed = false;
  private polling: Promise<void> | undefined;
  private inFlight = 0;

  constructor(
    readonly address: string,
    private readonly transport: ByteTransport,
    options: PrinterDeviceOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.intervalMs = options.statusIntervalMs ?? 5000;
    this.printer = new ReceiptPrinter(transport, options.statusTimeoutMs ? { statusTimeoutMs: options.statusTimeoutMs } : {});
  }

  get status(): PrinterDeviceStatus {
    return {
      address: this.address,
      state: this.state,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      queued: this.inFlight,
      held: this.inFlight > 0 && faultCode(this.state) !== null,
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    void this.refresh();
  }

  /** Polls the status now (e.g. when the simulated printer says its state changed). */
  refresh(): Promise<void> {
    this.polling ??= this.poll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  async print(doc: ReceiptDocument): Promise<PrintResult> {
    this.inFlight++;
    const result = await this.printer.print(doc).finally(() => this.inFlight--);
    this.update(result.printerState, result.state === 'failed' ? result.code : undefined);
    return { jobId: result.jobId, state: result.state, ...(result.code ? { code: result.code } : {}) };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.clearTimeout(this.timer);
    await this.polling;
    this.printer.dispose();
    await this.transport.close().catch(() => {});
  }

  private async poll(): Promise<void> {
    if (this.closed) return;
    this.timers.clearTimeout(this.timer);
    const state = await this.printer.queryStatus().then((report) => report.state, () => 'offline' as const);
    this.update(state, faultCode(state) ?? undefined);
    if (!this.closed) this.timer = this.timers.setTimeout(() => void this.refresh(), this.intervalMs);
  }

  private update(state: PrinterState, error: string | undefined): void {
    // A ready printer clears the last error; a fault keeps the one that explains it.
    const lastError = state === 'ready' || state === 'paper-near-end' ? undefined : (error ?? this.lastError);
    if (state === this.state && lastError === this.lastError) return;
    this.state = state;
    this.lastError = lastError;
    for (const listener of [...this.listeners]) listener();
  }
}
