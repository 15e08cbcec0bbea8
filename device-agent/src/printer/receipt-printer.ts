import type { PrinterState } from '@eldercare/domain';
import type { ByteTransport } from '../transports/byte-transport';
import { systemTimers, type Timers } from '../reader/timers';
import { PrinterReplyReader } from './printer-reply-reader';
import { STATUS_OFFLINE_CAUSE, STATUS_PAPER_SENSOR, STATUS_PRINTER, printerStateFromStatus, statusQuery, type RawPrinterStatus } from './printer-status';
import { processIdCommand } from './process-id';

export interface ReceiptPrinterOptions {
  /** How long one DLE EOT may go unanswered before the printer counts as offline. */
  statusTimeoutMs?: number;
  timers?: Timers;
}

export interface PrinterStatusReport {
  state: PrinterState;
  raw: RawPrinterStatus;
}

/**
 * What became of the bytes of a job: all written; none (the link could not be opened, so
 * sending again later is safe); or some unknown part (the write failed midway).
 */
export type SendOutcome = 'sent' | 'not-connected' | 'write-failed';

const DEFAULT_STATUS_TIMEOUT_MS = 1000;
/** Process IDs received but not (yet) waited for; a few jobs' worth is plenty. */
const MAX_UNCLAIMED_IDS = 64;

/**
 * Drives an ESC/POS printer over any byte transport. Status replies are single bytes with no id,
 * so exchanges (a status poll, or the writing of a job) run one at a time. Process ID responses
 * (GS ( H) arrive whenever the printer finishes a job and are kept until claimed.
 */
export class ReceiptPrinter {
  private readonly timeoutMs: number;
  private readonly timers: Timers;
  private readonly reader = new PrinterReplyReader();
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: ((byte: number | null) => void) | null = null;
  private lastState: PrinterState | null = null;
  private readonly unclaimed = new Set<string>();
  private readonly idWaiters = new Map<string, (echoed: boolean) => void>();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly transport: ByteTransport,
    options: ReceiptPrinterOptions = {},
  ) {
    this.timeoutMs = options.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
    this.timers = options.timers ?? systemTimers;
    this.unsubscribe = [
      transport.onData((chunk) => {
        for (const reply of this.reader.push(chunk)) {
          // A status byte with no query waiting is a late reply to one that timed out: dropped.
          if (reply.kind === 'status') this.settle(reply.byte);
          else this.processIdReceived(reply.id);
        }
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

  /** Writes a job's bytes, then (when given) a GS ( H process ID the printer echoes once they are printed. */
  send(bytes: Uint8Array, processId?: string): Promise<SendOutcome> {
    const tail = processId === undefined ? null : processIdCommand(processId);
    return this.exclusive(async () => {
      if (!(await this.ensureOpen())) return 'not-connected';
      try {
        await this.transport.write(tail ? concat(bytes, tail) : bytes);
        return 'sent';
      } catch {
        this.lastState = 'offline';
        return 'write-failed';
      }
    });
  }

  /** True once the printer has sent this process ID (also if it did before the call); false after `timeoutMs`. */
  waitForProcessId(id: string, timeoutMs: number): Promise<boolean> {
    if (this.unclaimed.delete(id)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.timers.setTimeout(() => {
        this.idWaiters.delete(id);
        resolve(false);
      }, timeoutMs);
      this.idWaiters.set(id, (echoed) => {
        this.timers.clearTimeout(timer);
        resolve(echoed);
      });
    });
  }

  /** Stops listening to the transport; the transport itself belongs to the caller. */
  dispose(): void {
    for (const off of this.unsubscribe) off();
    this.settle(null);
    for (const waiter of [...this.idWaiters.values()]) waiter(false);
    this.idWaiters.clear();
  }

  private processIdReceived(id: string): void {
    const waiter = this.idWaiters.get(id);
    if (waiter) {
      this.idWaiters.delete(id);
      waiter(true);
      return;
    }
    this.unclaimed.add(id);
    if (this.unclaimed.size > MAX_UNCLAIMED_IDS) this.unclaimed.delete(this.unclaimed.values().next().value!);
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
        this.timers.clearTimeout(timer);
        resolve(byte);
      };
      const timer = this.timers.setTimeout(() => finish(null), this.timeoutMs);
      this.waiter = finish;
      this.transport.write(statusQuery(n)).catch(() => finish(null));
    });
  }

  private settle(byte: number | null): void {
    this.waiter?.(byte);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
