import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { PrinterState } from '@eldercare/domain';
import type { ByteTransport } from '../transports/byte-transport';
import { EscPosInterpreter, mergeFeeds, type EscPosItem, type EscPosStep } from '../escpos/parse-escpos';
import { renderPreviewHtml, renderPreviewText } from '../escpos/render-preview';
import { statusReply } from '../printer/printer-status';

export interface SimulatedPrintJob {
  /** `sim-print-<n>`, counting from 1 for the life of the simulator. */
  id: string;
  /** When its first byte arrived. */
  receivedAt: Date;
  /** The job's bytes without the status queries that were interleaved with them. */
  bytes: Uint8Array;
  items: EscPosItem[];
  previewHtml: string;
  previewText: string;
  /** False when it stopped before its cut: paper ran out, the cover opened or the link closed. */
  complete: boolean;
}

export interface PrinterSimulatorOptions {
  state?: PrinterState;
  /** How many finished jobs to keep (oldest dropped first). */
  maxJobs?: number;
  /** Paper width in columns of font A, for the previews. */
  columns?: number;
  /** With a finite roll (see loadPaper): lines left when the near-end sensor trips. */
  nearEndLines?: number;
}

export interface TcpListener {
  host: string;
  port: number;
  close(): Promise<void>;
}

type Events = { job: [SimulatedPrintJob]; state: [PrinterState] };

/** What a connection needs from the printer it feeds: the paper, the state and the job log. */
interface PrintHead {
  /** The status byte for DLE EOT n, or null when the printer stays silent. */
  reply(n: number): number | null;
  /** Whether received print data goes on paper. */
  printing(): boolean;
  /** Uses the paper an item takes; returns false when the roll ran out on it. */
  consume(item: EscPosItem): boolean;
  finishJob(bytes: Uint8Array, items: EscPosItem[], receivedAt: Date, complete: boolean): void;
}

/** Paper a QR code takes, in text lines: about 25 modules × 6 dots over 30-dot lines. */
const QR_LINES = 6;
const DOTS_PER_LINE = 30;

/**
 * A receipt printer that speaks real bytes: it interprets ESC/POS as it arrives, answers every
 * DLE EOT n with the status byte of its current state (nothing at all while offline), and
 * captures each job (the bytes up to and including a cut) with its parsed items and previews.
 * With paper out or the cover open it prints nothing and discards what it receives. Each
 * connection (attached transport or TCP client) is its own byte stream.
 */
export class PrinterSimulator extends EventEmitter<Events> {
  private state_: PrinterState;
  private paper: number | null = null;
  private readonly nearEndLines: number;
  private readonly maxJobs: number;
  private readonly columns: number;
  private readonly jobs_: SimulatedPrintJob[] = [];
  private readonly connections = new Set<Connection>();
  private readonly closers = new Set<() => Promise<void>>();
  private rendering: Promise<void> = Promise.resolve();
  private jobCount = 0;
  private readonly head: PrintHead = {
    reply: (n) => statusReply(this.state_, n),
    printing: () => this.printing,
    consume: (item) => this.consume(item),
    finishJob: (bytes, items, receivedAt, complete) => this.finishJob(bytes, items, receivedAt, complete),
  };

  constructor(options: PrinterSimulatorOptions = {}) {
    super();
    this.state_ = options.state ?? 'ready';
    this.maxJobs = options.maxJobs ?? 50;
    this.columns = options.columns ?? 48;
    this.nearEndLines = options.nearEndLines ?? 20;
  }

  get state(): PrinterState {
    return this.state_;
  }

  /** Sets the state outright (and goes back to an endless roll). */
  setState(state: PrinterState): void {
    this.paper = null;
    this.changeState(state);
  }

  /** Loads a roll with `lines` lines of paper left (null: endless); clears a paper fault. */
  loadPaper(lines: number | null): void {
    this.paper = lines === null ? null : Math.max(0, lines);
    this.changeState(this.paperState());
  }

  /** Lines of paper left, or null for an endless roll. */
  get paperRemaining(): number | null {
    return this.paper;
  }

  /** Finished jobs, oldest first (a copy). */
  get jobs(): readonly SimulatedPrintJob[] {
    return [...this.jobs_];
  }

  clear(): void {
    this.jobs_.length = 0;
  }

  /** Resolves once every job received so far has been rendered and emitted. */
  settled(): Promise<void> {
    return this.rendering;
  }

  /** Serves one end of a transport (e.g. of createDuplexPair()); returns a function that detaches. */
  async attach(transport: ByteTransport): Promise<() => void> {
    if (!transport.isOpen) await transport.open();
    const connection = new Connection(this.head, (reply) => {
      transport.write(reply).catch(() => undefined);
    });
    this.connections.add(connection);
    const unsubscribe = [transport.onData((chunk) => connection.receive(chunk)), transport.onClose(() => detach())];
    const closer = async (): Promise<void> => detach();
    const detach = (): void => {
      if (!this.connections.delete(connection)) return;
      for (const off of unsubscribe) off();
      this.closers.delete(closer);
      connection.end();
    };
    this.closers.add(closer);
    return detach;
  }

  /** A raw socket printer, like port 9100 of a network printer; status replies go back on the same socket. */
  async listenTcp(port: number, host = '127.0.0.1'): Promise<TcpListener> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      const connection = new Connection(this.head, (reply) => {
        if (!socket.destroyed) socket.write(reply);
      });
      this.connections.add(connection);
      socket.on('data', (chunk) => connection.receive(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        this.connections.delete(connection);
        connection.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    const close = async (): Promise<void> => {
      this.closers.delete(close);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    this.closers.add(close);
    return { host, port: bound, close };
  }

  /** Detaches every transport and closes every listener. */
  async close(): Promise<void> {
    await Promise.all([...this.closers].map((close) => close()));
    this.closers.clear();
    await this.settled();
  }

  private get printing(): boolean {
    return this.state_ === 'ready' || this.state_ === 'paper-near-end';
  }

  private consume(item: EscPosItem): boolean {
    if (this.paper === null) return true;
    const lines =
      item.kind === 'text' ? item.height : item.kind === 'feed' ? item.lines : item.kind === 'feed-dots' ? item.dots / DOTS_PER_LINE : item.kind === 'qr' ? QR_LINES : 0;
    this.paper = Math.max(0, this.paper - lines);
    this.changeState(this.paperState());
    return this.paper > 0 || lines === 0;
  }

  /** Records a finished job once its previews are rendered; jobs are emitted in order. */
  private finishJob(bytes: Uint8Array, items: EscPosItem[], receivedAt: Date, complete: boolean): void {
    const id = `sim-print-${++this.jobCount}`;
    const merged = mergeFeeds(items);
    this.rendering = this.rendering.then(async () => {
      const job: SimulatedPrintJob = {
        id,
        receivedAt,
        bytes,
        items: merged,
        previewHtml: await renderPreviewHtml(merged, { columns: this.columns }),
        previewText: renderPreviewText(merged, { columns: this.columns }),
        complete,
      };
      this.jobs_.push(job);
      if (this.jobs_.length > this.maxJobs) this.jobs_.splice(0, this.jobs_.length - this.maxJobs);
      this.emit('job', job);
    });
  }

  private paperState(): PrinterState {
    if (this.paper === null) return this.state_ === 'paper-out' || this.state_ === 'paper-near-end' ? 'ready' : this.state_;
    if (this.paper <= 0) return 'paper-out';
    if (this.paper <= this.nearEndLines) return 'paper-near-end';
    return 'ready';
  }

  private changeState(state: PrinterState): void {
    if (state === this.state_) return;
    this.state_ = state;
    // A fault stops every job in progress where it is.
    if (!this.printing) for (const connection of this.connections) connection.abandon();
    this.emit('state', state);
  }
}

const PRINTED: ReadonlySet<EscPosItem['kind']> = new Set(['text', 'feed', 'feed-dots', 'qr', 'cut']);

/** One byte stream into the simulator, with its own interpreter state and job in progress. */
class Connection {
  private readonly interpreter = new EscPosInterpreter();
  private bytes: Uint8Array[] = [];
  private items: EscPosItem[] = [];
  private startedAt: Date | null = null;

  constructor(
    private readonly printer: PrintHead,
    private readonly send: (reply: Uint8Array) => void,
  ) {}

  receive(chunk: Uint8Array): void {
    for (const step of this.interpreter.push(chunk)) this.step(step);
  }

  /** The stream closed: whatever was printed without a cut is still a (torn-off) job. */
  end(): void {
    for (const step of this.interpreter.end()) this.step(step);
    this.abandon();
  }

  /** Ends the job in progress as incomplete. */
  abandon(): void {
    if (this.items.some((item) => PRINTED.has(item.kind))) this.finish(false);
    this.reset();
  }

  private step(step: EscPosStep): void {
    const queries = step.items.filter((item) => item.kind === 'status-query');
    for (const query of queries) {
      const reply = this.printer.reply(query.n);
      if (reply !== null) this.send(Uint8Array.of(reply));
    }
    if (queries.length > 0 && queries.length === step.items.length) return;
    if (!this.printer.printing()) return;
    this.startedAt ??= new Date();
    this.bytes.push(step.bytes);
    for (const item of step.items) {
      if (item.kind === 'status-query') continue;
      this.items.push(item);
      // Running out of paper abandons the job (via the state change); the rest is discarded.
      if (!this.printer.consume(item)) return;
      if (item.kind === 'cut') {
        this.finish(true);
        this.reset();
      }
    }
  }

  private finish(complete: boolean): void {
    const length = this.bytes.reduce((n, b) => n + b.length, 0);
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const b of this.bytes) {
      bytes.set(b, offset);
      offset += b.length;
    }
    this.printer.finishJob(bytes, this.items, this.startedAt ?? new Date(), complete);
  }

  private reset(): void {
    this.bytes = [];
    this.items = [];
    this.startedAt = null;
  }
}
