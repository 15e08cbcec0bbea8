import type { PrinterState, PrintResult, ReceiptDocument } from '@eldercare/domain';
import type { ByteTransport } from '../transports/byte-transport';
import { encodeReceipt } from '../escpos/encode-receipt';
import {
  STATUS_OFFLINE_CAUSE,
  STATUS_PAPER_SENSOR,
  STATUS_PRINTER,
  faultCode,
  isValidStatusByte,
  printerStateFromStatus,
  statusQuery,
  type RawPrinterStatus,
} from './printer-status';

export interface ReceiptPrinterOptions {
  /** How long one DLE EOT may go unanswered before the printer counts as offline. */
  statusTimeoutMs?: number;
  /** Columns of font A at normal size (48 on 80 mm paper). */
  columns?: number;
}

export interface PrinterStatusReport {
  state: PrinterState;
  raw: RawPrinterStatus;
}

/** A PrintResult plus the printer state afterwards, so callers can warn staff of paper near end. */
export interface ReceiptPrintResult extends PrintResult {
  printerState: PrinterState;
}

const DEFAULT_STATUS_TIMEOUT_MS = 1000;

/**
 * Drives an ESC/POS receipt printer over any byte transport. Status replies are single bytes
 * with no id, so every exchange (a status poll, or a print with its polls) runs one at a time.
 */
export class ReceiptPrinter {
  private readonly timeoutMs: number;
  private readonly columns: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: ((byte: number | null) => void) | null = null;
  private lastState: PrinterState | null = null;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly transport: ByteTransport,
    options: ReceiptPrinterOptions = {},
  ) {
    this.timeoutMs = options.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
    this.columns = options.columns;
    this.unsubscribe = [
      transport.onData((chunk) => {
        // A byte that arrives with no query waiting is a late reply to one that timed out: drop it.
        const reply = chunk.find(isValidStatusByte);
        if (reply !== undefined) this.settle(reply);
      }),
      transport.onClose(() => this.settle(null)),
    ];
  }

  /** The state seen by the last status poll, or null before the first. */
  get state(): PrinterState | null {
    return this.lastState;
  }

  queryStatus(): Promise<PrinterStatusReport> {
    return this.exclusive(() => this.poll());
  }

  /**
   * Prints only when the printer can: a fault found first fails the job with nothing sent. After
   * the bytes are written, a second poll catches paper that ran out during the job.
   */
  async print(doc: ReceiptDocument): Promise<ReceiptPrintResult> {
    const bytes = encodeReceipt(doc, this.columns === undefined ? {} : { columns: this.columns });
    return this.exclusive(async () => {
      const jobId = doc.id;
      const before = await this.poll();
      const refused = faultCode(before.state);
      if (refused) return { jobId, state: 'failed', code: refused, printerState: before.state };
      try {
        await this.transport.write(bytes);
      } catch {
        this.lastState = 'offline';
        return { jobId, state: 'failed', code: 'PRINTER_OFFLINE', printerState: 'offline' };
      }
      // DLE EOT is real-time: a printer with a deep buffer may answer before the job is on paper.
      // Issue 3's durable queue is where a print-complete check belongs.
      const after = await this.poll();
      const failed = faultCode(after.state);
      if (failed) return { jobId, state: 'failed', code: failed, printerState: after.state };
      return { jobId, state: 'printed', printerState: after.state };
    });
  }

  /** Stops listening to the transport; the transport itself belongs to the caller. */
  dispose(): void {
    for (const off of this.unsubscribe) off();
    this.settle(null);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async poll(): Promise<PrinterStatusReport> {
    const raw: RawPrinterStatus = { printer: null, offlineCause: null, paperSensor: null };
    let state: PrinterState = 'offline';
    if (await this.ensureOpen()) {
      raw.printer = await this.ask(STATUS_PRINTER);
      if (raw.printer !== null) raw.offlineCause = await this.ask(STATUS_OFFLINE_CAUSE);
      if (raw.offlineCause !== null) raw.paperSensor = await this.ask(STATUS_PAPER_SENSOR);
      // A printer that stops answering halfway through a poll is as good as gone.
      if (raw.paperSensor !== null) state = printerStateFromStatus(raw);
    }
    this.lastState = state;
    return { state, raw };
  }

  private async ensureOpen(): Promise<boolean> {
    if (this.transport.isOpen) return true;
    try {
      await this.transport.open();
      return this.transport.isOpen;
    } catch {
      return false;
    }
  }

  /** One DLE EOT n and its reply byte, or null on timeout, a closed link or a failed write. */
  private ask(n: number): Promise<number | null> {
    return new Promise((resolve) => {
      // Settles once, and only while it is still the waiter: a late timer or write error never
      // answers the next query.
      const finish = (byte: number | null): void => {
        if (this.waiter !== finish) return;
        this.waiter = null;
        clearTimeout(timer);
        resolve(byte);
      };
      const timer = setTimeout(() => finish(null), this.timeoutMs);
      this.waiter = finish;
      this.transport.write(statusQuery(n)).catch(() => finish(null));
    });
  }

  private settle(byte: number | null): void {
    this.waiter?.(byte);
  }
}
