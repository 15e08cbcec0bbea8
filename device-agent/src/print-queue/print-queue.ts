import type { PrinterRole, PrinterState, PrintResult, ReceiptDocument } from '@eldercare/domain';
import { faultCode } from '../printer/printer-status';
import { processIdFor } from '../printer/process-id';
import type { SendOutcome } from '../printer/receipt-printer';
import { systemTimers, type Timers } from '../reader/timers';
import { isPending, PrintJobStore, type StoredJob } from './print-job-store';

/** What the queue needs from a printer (ReceiptPrinter through PrinterDevice). */
export interface QueuePrinter {
  /** Polls DLE EOT now. */
  poll(): Promise<PrinterState>;
  send(bytes: Uint8Array, processId?: string): Promise<SendOutcome>;
  waitForProcessId(id: string, timeoutMs: number): Promise<boolean>;
}

export type PrintQueueEvent =
  | { type: 'print.held'; role: PrinterRole; jobId: string; code: string }
  | { type: 'print.resumed'; role: PrinterRole; jobId: string }
  | { type: 'print.done'; role: PrinterRole; jobId: string }
  /** A job printed: its bytes, for counters and the technician's preview. */
  | { type: 'job.printed'; jobId: string; bytes: Uint8Array }
  | { type: 'job.failed'; jobId: string; code: string }
  /** Something the technician should know that is no job's result (codes in PrintQueueWarning). */
  | { type: 'warning'; code: PrintQueueWarning; jobId?: string }
  /** Queue length or held state changed. */
  | { type: 'changed' };

export type PrintQueueWarning = 'PRINTER_PROCESS_ID_TIMEOUT' | 'PRINT_QUEUE_FILE_CORRUPT' | 'PRINT_QUEUE_IO_ERROR';

export interface PrintQueueOptions {
  role: PrinterRole;
  /** This printer's folder (one per role). */
  dir: string;
  printer: QueuePrinter;
  encode: (doc: ReceiptDocument) => Uint8Array;
  /** Confirm each job by its GS ( H process ID echo (printers that support it). */
  processId?: boolean;
  timers?: Timers;
  now?: () => Date;
  /** Status poll interval while a job is held. */
  heldPollMs?: number;
  /** One wait for the echo before the status is polled again. */
  processIdWaitMs?: number;
  /** With the printer ready and no echo this long, the job counts as printed (and a warning is recorded). */
  processIdTimeoutMs?: number;
  /** Finished jobs remembered (document ids answered without printing again): newest this many … */
  remember?: number;
  /** … finished within this long. */
  rememberMs?: number;
  onEvent?: (event: PrintQueueEvent) => void;
}

export const JOB_INTERRUPTED = 'PRINTER_JOB_INTERRUPTED';

/**
 * The durable print queue of one printer. A job is on disk before its request is answered and
 * goes to the printer only when a status poll says it can print; jobs go one at a time, in
 * order. A fault (before or during a job) holds the job and every job behind it: the requests
 * get `held`, nothing is resent, and once polls show the printer ready the job that was on the
 * printer is confirmed (the printer kept the rest of it in its buffer) and the others follow.
 * A job is printed when the printer took all its bytes and then reports no fault (or echoed its
 * process ID). What a restart does with a job that was being written: docs/decisions/0009.
 */
export class PrintQueue {
  private readonly role: PrinterRole;
  private readonly timers: Timers;
  private readonly now: () => Date;
  private readonly heldPollMs: number;
  private readonly processIdWaitMs: number;
  private readonly processIdTimeoutMs: number;
  private readonly remember: number;
  private readonly rememberMs: number;
  private store: PrintJobStore | undefined;
  private startup: Promise<void> | undefined;
  private readonly accepting = new Map<string, Promise<PrintResult>>();
  private readonly waiters = new Map<string, ((result: PrintResult) => void)[]>();
  /** Jobs told they are held that have not gone on since. */
  private readonly heldJobs = new Set<string>();
  private fault: string | null = null;
  private readonly wakers = new Set<() => void>();
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: PrintQueueOptions) {
    this.role = options.role;
    this.timers = options.timers ?? systemTimers;
    this.now = options.now ?? (() => new Date());
    this.heldPollMs = options.heldPollMs ?? 1000;
    this.processIdWaitMs = options.processIdWaitMs ?? 1000;
    this.processIdTimeoutMs = options.processIdTimeoutMs ?? 30_000;
    this.remember = options.remember ?? 1000;
    this.rememberMs = options.rememberMs ?? 7 * 24 * 3600_000;
  }

  /** Opens the folder and starts on what a previous run left. Idempotent. */
  start(): Promise<void> {
    this.startup ??= this.boot();
    return this.startup;
  }

  /** Jobs not finished, the one on the printer included. */
  get queued(): number {
    return this.store?.jobs().filter(isPending).length ?? 0;
  }

  /** A fault holds the queue and at least one job knows it. */
  get held(): boolean {
    return this.fault !== null && this.heldJobs.size > 0;
  }

  /** Files set aside as unreadable when the queue was opened. */
  get setAside(): readonly string[] {
    return this.store?.setAside ?? [];
  }

  /**
   * Queues a document, durably, and resolves once it printed, is held or failed. The same
   * document id again gets the same job: its result if printed, or its progress if pending. A
   * failed id may be submitted again (someone asked for it: see decision 0009).
   */
  async submit(doc: ReceiptDocument): Promise<PrintResult> {
    await this.start();
    const inFlight = this.accepting.get(doc.id);
    if (inFlight) return inFlight;
    const accepted = this.accept(doc);
    this.accepting.set(doc.id, accepted);
    void accepted.then(
      () => this.accepting.delete(doc.id),
      () => this.accepting.delete(doc.id),
    );
    return accepted;
  }

  /** The printer may have changed (a status poll, a simulator event): a held queue looks now. */
  notify(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Stops; requests still waiting are told their job is held: it is on disk and prints after the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.notify();
    await this.startup?.catch(() => undefined);
    await this.running;
    for (const jobId of [...this.waiters.keys()]) this.answer(jobId, { jobId, state: 'held', code: this.fault ?? 'PRINTER_OFFLINE' });
  }

  private async boot(): Promise<void> {
    this.store = await PrintJobStore.open(this.options.dir);
    for (const name of this.store.setAside) this.emit({ type: 'warning', code: 'PRINT_QUEUE_FILE_CORRUPT', jobId: name });
    await this.store.prune(this.remember, new Date(this.now().getTime() - this.rememberMs));
    this.kick();
  }

  private async accept(doc: ReceiptDocument): Promise<PrintResult> {
    const store = this.store!;
    const known = store.get(doc.id);
    if (known?.state === 'printed') return { jobId: known.jobId, state: 'printed' };
    if (known && isPending(known)) {
      if (this.fault && this.heldJobs.has(known.jobId)) return { jobId: known.jobId, state: 'held', code: this.fault };
      return this.resultOf(known.jobId);
    }
    // Encoding errors throw here, before anything is stored.
    const bytes = this.options.encode(doc);
    const seq = store.nextSeq();
    const at = this.now().toISOString();
    const job: StoredJob = {
      v: 1,
      seq,
      jobId: doc.id,
      role: this.role,
      state: 'queued',
      acceptedAt: at,
      updatedAt: at,
      bytes: Buffer.from(bytes).toString('base64'),
      byteLength: bytes.length,
      ...(this.options.processId ? { processId: processIdFor(seq) } : {}),
    };
    await store.save(job);
    const result = this.resultOf(job.jobId);
    if (this.fault) this.hold(job.jobId, this.fault);
    this.emit({ type: 'changed' });
    this.kick();
    return result;
  }

  private resultOf(jobId: string): Promise<PrintResult> {
    return new Promise((resolve) => {
      const list = this.waiters.get(jobId) ?? [];
      list.push(resolve);
      this.waiters.set(jobId, list);
    });
  }

  private answer(jobId: string, result: PrintResult): void {
    const list = this.waiters.get(jobId);
    this.waiters.delete(jobId);
    for (const resolve of list ?? []) resolve(result);
  }

  private kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    const store = this.store!;
    try {
      for (;;) {
        this.again = false;
        const job = store.jobs().find(isPending);
        if (!job || this.closed) return;
        await this.process(job);
      }
    } catch {
      // The disk failed us; the jobs stay as they are on disk and the next submit or status change retries.
      this.emit({ type: 'warning', code: 'PRINT_QUEUE_IO_ERROR' });
      this.again = false;
    }
  }

  private async process(job: StoredJob): Promise<void> {
    if (job.state === 'sending') {
      // Left by an agent that died while writing it: the printer may have printed it, part of
      // it, or nothing. Never sent twice (decision 0009).
      await this.finish(job, 'failed', JOB_INTERRUPTED);
      return;
    }
    let current = job;
    if (current.state === 'queued') {
      const code = faultCode(await this.options.printer.poll());
      if (code) {
        this.holdAll(code);
        await this.waitUntilReady();
        return;
      }
      this.resume(current.jobId);
      current = await this.update(current, 'sending');
      const outcome = await this.options.printer.send(Buffer.from(current.bytes ?? '', 'base64'), current.processId);
      if (outcome === 'not-connected') {
        // Nothing reached the printer: it may go again.
        await this.update(current, 'queued');
        this.holdAll('PRINTER_OFFLINE');
        await this.waitUntilReady();
        return;
      }
      if (outcome === 'write-failed') {
        await this.finish(current, 'failed', JOB_INTERRUPTED);
        return;
      }
      current = await this.update(current, 'sent');
    }
    if (await this.confirm(current)) await this.finish(current, 'printed');
  }

  /**
   * Whether the job is on paper; holds it while the printer is faulted. False only when closing.
   * The poll comes first: it opens the link and sees paper running out in the middle of the job.
   */
  private async confirm(job: StoredJob): Promise<boolean> {
    let waited = 0;
    while (!this.closed) {
      const code = faultCode(await this.options.printer.poll());
      if (code) {
        this.holdAll(code);
        if (!(await this.waitUntilReady())) return false;
        // The printer kept the rest of the job and prints it by itself: nothing is sent again.
        this.resume(job.jobId);
        waited = 0;
        continue;
      }
      this.resume(job.jobId);
      if (job.processId === undefined) return true;
      if (await this.options.printer.waitForProcessId(job.processId, this.processIdWaitMs)) return true;
      waited += this.processIdWaitMs;
      if (waited >= this.processIdTimeoutMs) {
        // Ready, all bytes taken, and no echo: a printer without GS ( H, or an echo lost with a link.
        this.emit({ type: 'warning', code: 'PRINTER_PROCESS_ID_TIMEOUT', jobId: job.jobId });
        return true;
      }
    }
    return false;
  }

  private holdAll(code: string): void {
    this.fault = code;
    for (const job of this.store!.jobs().filter(isPending)) this.hold(job.jobId, code);
    this.emit({ type: 'changed' });
  }

  private hold(jobId: string, code: string): void {
    if (this.heldJobs.has(jobId)) return;
    this.heldJobs.add(jobId);
    this.emit({ type: 'print.held', role: this.role, jobId, code });
    this.answer(jobId, { jobId, state: 'held', code });
  }

  private resume(jobId: string): void {
    if (!this.heldJobs.delete(jobId)) return;
    this.emit({ type: 'print.resumed', role: this.role, jobId });
    this.emit({ type: 'changed' });
  }

  /** Polls until the printer can print; false when closing. */
  private async waitUntilReady(): Promise<boolean> {
    while (!this.closed) {
      await this.sleep(this.heldPollMs);
      if (this.closed) break;
      const code = faultCode(await this.options.printer.poll());
      if (!code) {
        this.fault = null;
        this.emit({ type: 'changed' });
        return true;
      }
      this.fault = code;
    }
    return false;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.timers.clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = this.timers.setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private async update(job: StoredJob, state: StoredJob['state']): Promise<StoredJob> {
    const next: StoredJob = { ...job, state, updatedAt: this.now().toISOString() };
    await this.store!.save(next);
    return next;
  }

  private async finish(job: StoredJob, state: 'printed' | 'failed', code?: string): Promise<void> {
    const { bytes, ...rest } = job;
    const done: StoredJob = { ...rest, state, updatedAt: this.now().toISOString(), ...(code ? { code } : {}) };
    await this.store!.save(done);
    this.heldJobs.delete(job.jobId);
    if (state === 'printed') {
      this.emit({ type: 'print.done', role: this.role, jobId: job.jobId });
      this.emit({ type: 'job.printed', jobId: job.jobId, bytes: Buffer.from(bytes ?? '', 'base64') });
      this.answer(job.jobId, { jobId: job.jobId, state: 'printed' });
    } else {
      this.emit({ type: 'job.failed', jobId: job.jobId, code: code ?? JOB_INTERRUPTED });
      this.answer(job.jobId, { jobId: job.jobId, state: 'failed', code: code ?? JOB_INTERRUPTED });
    }
    this.emit({ type: 'changed' });
    await this.store!.prune(this.remember, new Date(this.now().getTime() - this.rememberMs));
  }

  private emit(event: PrintQueueEvent): void {
    this.options.onEvent?.(event);
  }
}
