import { join } from 'node:path';
import { DomainError, type AgentEvent, type PrinterRole, type PrinterState, type PrinterStatus, type PrintResult, type ReceiptDocument } from '@eldercare/domain';
import { encodeReceipt } from '../escpos/encode-receipt';
import { parseEscPos } from '../escpos/parse-escpos';
import { renderPreviewHtml } from '../escpos/render-preview';
import { PrintQueue, type PrintQueueEvent } from '../print-queue/print-queue';
import { faultCode } from '../printer/printer-status';
import { ReceiptPrinter } from '../printer/receipt-printer';
import { composeTestPage, type TestPageOptions } from '../printer/test-page';
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';
import type { PrinterDiagnostics } from './printer-diagnostics';

export const DEFAULT_QUEUE_DIR = './data/agent/print-queue';

export interface PrinterDeviceOptions {
  role?: PrinterRole;
  statusIntervalMs?: number;
  statusTimeoutMs?: number;
  /** The durable queue's parent folder; this printer uses `<queueDir>/<role>`. */
  queueDir?: string;
  /** Columns of font A: 48 on 80 mm paper, 32 on 58 mm. */
  columns?: number;
  /** Confirm jobs by Epson's GS ( H process ID echo; only for printers that support it. */
  processId?: boolean;
  /** Print a test page once the queue is open. */
  selfTestOnStart?: boolean;
  /** What the test page says besides the printer's own data. */
  testPage?: Omit<TestPageOptions, 'role' | 'address' | 'state' | 'now'>;
  timers?: Timers;
  now?: () => Date;
  /** Status polls while a job is held (default 1 s). */
  heldPollMs?: number;
  processIdTimeoutMs?: number;
}

const MAX_ERRORS = 10;
const QUEUE_IO_ERROR = 'PRINT_QUEUE_IO_ERROR';

/**
 * One printer (receipt or ticket) as the agent sees it: its state kept fresh by periodic
 * DLE EOT polls (the driver reopens a closed link on each poll), its durable print queue, the
 * print events of the contract, and counters for the technician page.
 */
export class PrinterDevice {
  readonly role: PrinterRole;
  private readonly printer: ReceiptPrinter;
  private readonly queue: PrintQueue;
  private readonly timers: Timers;
  private readonly now: () => Date;
  private readonly intervalMs: number;
  private readonly columns: number;
  private readonly processId: boolean;
  private readonly changeListeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: AgentEvent) => void>();
  private state: PrinterState = 'offline';
  private lastError: string | undefined = undefined;
  private timer: unknown;
  private closed = false;
  private polling: Promise<PrinterState> | undefined;
  private readonly counters = { jobsPrinted: 0, bytesPrinted: 0, paperOuts: 0, interrupted: 0 };
  private readonly errors: { code: string; at: string }[] = [];
  /** The last job's bytes; rendered only when the technician page asks (a QR is costly to draw). */
  private lastJob: { jobId: string; printedAt: string; bytes: Uint8Array } | undefined;
  private lastPreview: { jobId: string; html: Promise<string> } | undefined;

  constructor(
    readonly address: string,
    private readonly transport: ByteTransport,
    private readonly options: PrinterDeviceOptions = {},
  ) {
    this.role = options.role ?? 'receipt';
    this.timers = options.timers ?? systemTimers;
    this.now = options.now ?? (() => new Date());
    this.intervalMs = options.statusIntervalMs ?? 5000;
    this.columns = options.columns ?? 48;
    this.processId = options.processId ?? false;
    this.printer = new ReceiptPrinter(transport, {
      timers: this.timers,
      ...(options.statusTimeoutMs ? { statusTimeoutMs: options.statusTimeoutMs } : {}),
    });
    this.queue = new PrintQueue({
      role: this.role,
      dir: join(options.queueDir ?? DEFAULT_QUEUE_DIR, this.role),
      printer: {
        poll: () => this.refresh(),
        send: (bytes, id) => this.printer.send(bytes, id),
        waitForProcessId: (id, ms) => this.printer.waitForProcessId(id, ms),
      },
      encode: (doc) => encodeReceipt(doc, { columns: this.columns }),
      processId: this.processId,
      timers: this.timers,
      now: this.now,
      ...(options.heldPollMs ? { heldPollMs: options.heldPollMs } : {}),
      ...(options.processIdTimeoutMs ? { processIdTimeoutMs: options.processIdTimeoutMs } : {}),
      onEvent: (event) => this.queueEvent(event),
    });
  }

  get status(): PrinterStatus {
    return {
      address: this.address,
      state: this.state,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      queued: this.queue.queued,
      held: this.queue.held,
    };
  }

  /** Status changes (state, queue length, held). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** print.held / print.resumed / print.done. */
  onEvent(listener: (event: AgentEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Opens the queue (printing what a previous run left), starts the status polls, prints the self-test page if configured. */
  async start(): Promise<void> {
    void this.refresh();
    await this.queue.start().catch(() => this.recordError(QUEUE_IO_ERROR));
    if (this.options.selfTestOnStart) void this.printTestPage().catch(() => undefined);
  }

  /** Polls the status now (e.g. when the simulated printer says its state changed). */
  refresh(): Promise<PrinterState> {
    this.polling ??= this.poll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  /** Queues the document (durably) and resolves once it printed, is held or failed. */
  print(doc: ReceiptDocument): Promise<PrintResult> {
    return this.queue.submit(doc).catch((err: unknown) => {
      // A document that cannot be encoded is the caller's error (400); a queue folder that cannot
      // be written is this kiosk's, and the job was not accepted.
      if (err instanceof DomainError) throw err;
      this.recordError(QUEUE_IO_ERROR);
      return { jobId: doc.id, state: 'failed', code: QUEUE_IO_ERROR };
    });
  }

  /** A short page with the printer's address and state, through the queue like any job. */
  printTestPage(): Promise<PrintResult> {
    return this.print(
      composeTestPage({ ...this.options.testPage, role: this.role, address: this.address, state: this.state, now: this.now() }),
    );
  }

  /** Counters, recent errors and the last printed document, for the technician page. */
  async diagnostics(): Promise<PrinterDiagnostics> {
    const lastPrint = await this.renderLastPrint();
    return {
      role: this.role,
      ...this.status,
      processId: this.processId,
      columns: this.columns,
      counters: { ...this.counters },
      lastErrors: [...this.errors],
      ...(lastPrint ? { lastPrint } : {}),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.clearTimeout(this.timer);
    const closing = this.queue.close();
    await this.polling;
    this.printer.dispose();
    await closing;
    await this.transport.close().catch(() => {});
  }

  private async poll(): Promise<PrinterState> {
    if (this.closed) return this.state;
    this.timers.clearTimeout(this.timer);
    const state = await this.printer.queryStatus().then((report) => report.state, () => 'offline' as const);
    this.update(state);
    // Whoever waits on a held job looks at once instead of at its next poll.
    this.queue.notify();
    if (!this.closed) this.timer = this.timers.setTimeout(() => void this.refresh(), this.intervalMs);
    return state;
  }

  private update(state: PrinterState): void {
    const code = faultCode(state);
    // A ready printer clears the last error; a fault keeps the one that explains it.
    const lastError = code ?? (state === 'ready' || state === 'paper-near-end' ? undefined : this.lastError);
    if (state === this.state && lastError === this.lastError) return;
    if (state === 'paper-out' && this.state !== 'paper-out') this.counters.paperOuts++;
    if (code && code !== faultCode(this.state)) this.recordError(code);
    this.state = state;
    this.lastError = lastError;
    this.changed();
  }

  private queueEvent(event: PrintQueueEvent): void {
    switch (event.type) {
      case 'print.held':
      case 'print.resumed':
      case 'print.done':
        for (const listener of [...this.eventListeners]) listener(event);
        return;
      case 'job.printed':
        this.counters.jobsPrinted++;
        this.counters.bytesPrinted += event.bytes.length;
        this.keepPreview(event.jobId, event.bytes);
        return;
      case 'job.failed':
        this.counters.interrupted++;
        this.recordError(event.code);
        return;
      case 'warning':
        this.recordError(event.code);
        return;
      case 'changed':
        this.changed();
        return;
    }
  }

  private keepPreview(jobId: string, bytes: Uint8Array): void {
    this.lastJob = { jobId, printedAt: this.now().toISOString(), bytes };
  }

  private async renderLastPrint(): Promise<PrinterDiagnostics['lastPrint']> {
    const job = this.lastJob;
    if (!job) return undefined;
    if (this.lastPreview?.jobId !== job.jobId) {
      const html = Promise.resolve().then(() => renderPreviewHtml(parseEscPos(job.bytes), { columns: this.columns }));
      this.lastPreview = { jobId: job.jobId, html };
    }
    const previewHtml = await this.lastPreview.html.catch(() => undefined);
    return previewHtml === undefined ? undefined : { jobId: job.jobId, printedAt: job.printedAt, byteLength: job.bytes.length, previewHtml };
  }

  private recordError(code: string): void {
    this.errors.unshift({ code, at: this.now().toISOString() });
    this.errors.length = Math.min(this.errors.length, MAX_ERRORS);
  }

  private changed(): void {
    for (const listener of [...this.changeListeners]) listener();
  }
}
