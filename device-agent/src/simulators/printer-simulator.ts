import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { PrinterState } from '@eldercare/domain';
import { Type, type Static } from 'typebox';
import type { ByteTransport } from '../transports/byte-transport';
import { EscPosInterpreter, mergeFeeds, type EscPosItem, type EscPosStep } from '../escpos/parse-escpos';
import { renderPreviewHtml, renderPreviewText } from '../escpos/render-preview';
import { statusReplyFor } from '../printer/printer-status';
import { processIdResponse } from '../printer/process-id';
import { systemTimers, type Timers } from '../reader/timers';

export interface SimulatedPrintJob {
  /** `sim-print-<n>`, counting from 1 for the life of the simulator. */
  id: string;
  /** When its first byte was printed. */
  receivedAt: Date;
  /** The job's bytes (ESC @ up to and including the cut) without the real-time status queries. */
  bytes: Uint8Array;
  items: EscPosItem[];
  previewHtml: string;
  previewText: string;
  /** False when it ended without a cut: a new ESC @ came first, or the link closed. */
  complete: boolean;
}

export type PaperState = 'ok' | 'near-end' | 'out';

/** Misbehaviours of the link rather than of the paper path. */
export const PrinterFaultSchema = Type.Union([
  /** Answers nothing (no status, no process ID) and prints nothing; keeps what it receives. */
  Type.Object({ kind: Type.Literal('offline') }, { additionalProperties: false }),
  /** Every reply goes out this much later. */
  Type.Object({ kind: Type.Literal('slow'), delayMs: Type.Integer({ minimum: 0, maximum: 60_000 }) }, { additionalProperties: false }),
  /** Replies go out one byte per write. */
  Type.Object({ kind: Type.Literal('split') }, { additionalProperties: false }),
]);
export type PrinterFault = Static<typeof PrinterFaultSchema>;

export interface PrinterSimulatorOptions {
  state?: PrinterState;
  /** How many finished jobs to keep (oldest dropped first). */
  maxJobs?: number;
  /** Paper width in columns of font A, for the previews. */
  columns?: number;
  /** Whether it answers GS ( H fn 48 with a process ID response (Epson does; many clones do not). */
  processIdResponse?: boolean;
  /** The clock for slow replies. */
  timers?: Timers;
}

export interface TcpListener {
  host: string;
  port: number;
  close(): Promise<void>;
}

type Events = { job: [SimulatedPrintJob]; state: [PrinterState] };

const ESC = 0x1b;
const DLE = 0x10;
const EOT = 0x04;
const PRINTED: ReadonlySet<EscPosItem['kind']> = new Set(['text', 'feed', 'feed-dots', 'qr', 'cut']);

/**
 * A receipt printer that speaks real bytes. Like real hardware it has two layers: DLE EOT n is
 * answered the moment it arrives (unless offline), everything else goes into a receive buffer
 * that is printed while the printer can print. Paper out (also mid-job, see runOutOfPaperAfter),
 * an open cover or an offline fault stop printing; the rest of the buffer waits and prints once
 * the fault clears, so nothing is lost or printed twice. GS ( H process IDs are answered when
 * printing reaches them. Each connection (attached transport or TCP client) is its own stream;
 * its buffer outlives the link, as a real printer's does.
 */
export class PrinterSimulator extends EventEmitter<Events> {
  private paper: PaperState = 'ok';
  private coverOpen = false;
  /** Printed bytes left on the roll, or null for an endless roll. */
  private budget: number | null = null;
  private faults: PrinterFault[] = [];
  private lastState: PrinterState;
  private readonly maxJobs: number;
  private readonly columns: number;
  private readonly answersProcessId: boolean;
  readonly timers: Timers;
  private readonly jobs_: SimulatedPrintJob[] = [];
  private readonly connections = new Set<Connection>();
  private readonly closers = new Set<() => Promise<void>>();
  private rendering: Promise<void> = Promise.resolve();
  private jobCount = 0;
  private pumping = false;

  constructor(options: PrinterSimulatorOptions = {}) {
    super();
    this.maxJobs = options.maxJobs ?? 50;
    this.columns = options.columns ?? 48;
    this.answersProcessId = options.processIdResponse ?? true;
    this.timers = options.timers ?? systemTimers;
    this.apply(options.state ?? 'ready');
    this.lastState = this.state;
  }

  /** What DLE EOT would report; `offline` while the offline fault is set. */
  get state(): PrinterState {
    if (this.faults.some((f) => f.kind === 'offline')) return 'offline';
    if (this.coverOpen) return 'cover-open';
    if (this.paper === 'out') return 'paper-out';
    if (this.paper === 'near-end') return 'paper-near-end';
    return 'ready';
  }

  get activeFaults(): readonly PrinterFault[] {
    return [...this.faults];
  }

  /** Sets everything to match one state (paper, cover, offline fault); other faults stay. */
  setState(state: PrinterState): void {
    this.apply(state);
    this.changed();
  }

  /** ok loads a fresh (endless) roll and prints what waited; near-end trips the sensor; out empties the roll. */
  setPaper(paper: PaperState): void {
    this.paper = paper;
    if (paper !== 'out') this.budget = null;
    this.changed();
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
    this.changed();
  }

  /** The roll ends after `bytes` more printed bytes, mid-job if need be; the rest stays buffered. */
  runOutOfPaperAfter(bytes: number): void {
    if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`bytes must be a whole number ≥ 0, got ${bytes}`);
    this.budget = bytes;
    if (bytes === 0) this.paper = 'out';
    this.changed();
  }

  setFaults(faults: readonly PrinterFault[]): void {
    this.faults = [...faults];
    this.changed();
  }

  clearFaults(): void {
    this.setFaults([]);
  }

  /** Finished jobs, oldest first (a copy). */
  get jobs(): readonly SimulatedPrintJob[] {
    return [...this.jobs_];
  }

  /** Bytes received but not printed yet (waiting for paper, the cover or the link). */
  get buffered(): number {
    let n = 0;
    for (const c of this.connections) n += c.buffered;
    return n;
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
    const connection = this.connect((reply) => {
      transport.write(reply).catch(() => undefined);
    });
    const unsubscribe = [transport.onData((chunk) => connection.receive(chunk)), transport.onClose(() => detach())];
    const closer = async (): Promise<void> => detach();
    const detach = (): void => {
      if (connection.closed) return;
      for (const off of unsubscribe) off();
      this.closers.delete(closer);
      connection.close();
      this.pump();
    };
    this.closers.add(closer);
    return detach;
  }

  /** A raw socket printer, like port 9100 of a network printer; status replies go back on the same socket. */
  async listenTcp(port: number, host = '127.0.0.1'): Promise<TcpListener> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      const connection = this.connect((reply) => {
        if (!socket.destroyed) socket.write(reply);
      });
      socket.on('data', (chunk) => connection.receive(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        connection.close();
        this.pump();
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

  /** Detaches every transport, closes every listener and drops what was never printed. */
  async close(): Promise<void> {
    await Promise.all([...this.closers].map((close) => close()));
    this.closers.clear();
    for (const connection of [...this.connections]) this.finishConnection(connection);
    await this.settled();
  }

  private apply(state: PrinterState): void {
    this.budget = null;
    this.coverOpen = state === 'cover-open';
    this.paper = state === 'paper-out' ? 'out' : state === 'paper-near-end' ? 'near-end' : 'ok';
    const others = this.faults.filter((f) => f.kind !== 'offline');
    this.faults = state === 'offline' ? [{ kind: 'offline' }, ...others] : others;
  }

  private connect(send: (reply: Uint8Array) => void): Connection {
    const connection = new Connection({
      reply: (n) => (this.silent ? null : statusReplyFor({ paper: this.paper, coverOpen: this.coverOpen }, n)),
      send: (connection, reply) => this.send(connection, reply),
      received: () => this.pump(),
    }, send);
    this.connections.add(connection);
    return connection;
  }

  private get silent(): boolean {
    return this.faults.some((f) => f.kind === 'offline');
  }

  private get canPrint(): boolean {
    return !this.silent && !this.coverOpen && this.paper !== 'out';
  }

  /**
   * Replies of one incoming chunk go out together, unless split or slow. A reply whose link has
   * closed (a process ID for a job an earlier link sent) goes to the newest open link, as a
   * printer answers on its one interface whoever is connected now.
   */
  private send(from: Connection, reply: Uint8Array): void {
    const connection = from.closed ? [...this.connections].reverse().find((c) => !c.closed) : from;
    if (!connection) return;
    const slow = this.faults.find((f): f is Extract<PrinterFault, { kind: 'slow' }> => f.kind === 'slow');
    const split = this.faults.some((f) => f.kind === 'split');
    const writes = split ? Array.from(reply, (b) => Uint8Array.of(b)) : [reply];
    const out = (): void => {
      for (const w of writes) connection.write(w);
    };
    if (slow && slow.delayMs > 0) this.timers.setTimeout(out, slow.delayMs);
    else out();
  }

  private changed(): void {
    const state = this.state;
    if (state !== this.lastState) {
      this.lastState = state;
      this.emit('state', state);
    }
    this.pump();
  }

  /** Prints buffered bytes while the printer can, connection by connection. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (const connection of [...this.connections]) {
        while (this.canPrint && connection.buffered > 0) {
          const allowed = this.budget ?? Number.POSITIVE_INFINITY;
          const printed = connection.printSome(allowed, (step) => this.step(connection, step));
          if (this.budget !== null) {
            this.budget -= printed;
            if (this.budget <= 0) {
              this.budget = 0;
              this.paper = 'out';
            }
          }
        }
        if (connection.closed && connection.buffered === 0) this.finishConnection(connection);
      }
    } finally {
      this.pumping = false;
    }
    const state = this.state;
    if (state !== this.lastState) {
      this.lastState = state;
      this.emit('state', state);
    }
  }

  /** One interpreted command: job bookkeeping and process ID responses. */
  private step(connection: Connection, step: EscPosStep): void {
    const isInit = step.bytes.length === 2 && step.bytes[0] === ESC && step.bytes[1] === 0x40;
    if (isInit) {
      this.endJob(connection, false);
      connection.job = { bytes: [], items: [], startedAt: new Date() };
    }
    for (const item of step.items) {
      if (item.kind === 'process-id' && this.answersProcessId) connection.reply(processIdResponse(item.id));
    }
    const items = step.items.filter((item) => item.kind !== 'process-id' && item.kind !== 'status-query');
    if (!connection.job && !items.some((item) => PRINTED.has(item.kind))) return;
    connection.job ??= { bytes: [], items: [], startedAt: new Date() };
    if (step.items.every((item) => item.kind === 'process-id') && step.items.length > 0) return;
    connection.job.bytes.push(step.bytes);
    connection.job.items.push(...items);
    if (items.some((item) => item.kind === 'cut')) this.endJob(connection, true);
  }

  private endJob(connection: Connection, complete: boolean): void {
    const job = connection.job;
    connection.job = null;
    if (!job || !job.items.some((item) => PRINTED.has(item.kind))) return;
    const length = job.bytes.reduce((n, b) => n + b.length, 0);
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const b of job.bytes) {
      bytes.set(b, offset);
      offset += b.length;
    }
    const id = `sim-print-${++this.jobCount}`;
    const merged = mergeFeeds(job.items);
    this.rendering = this.rendering.then(async () => {
      const done: SimulatedPrintJob = {
        id,
        receivedAt: job.startedAt,
        bytes,
        items: merged,
        previewHtml: await renderPreviewHtml(merged, { columns: this.columns }),
        previewText: renderPreviewText(merged, { columns: this.columns }),
        complete,
      };
      this.jobs_.push(done);
      if (this.jobs_.length > this.maxJobs) this.jobs_.splice(0, this.jobs_.length - this.maxJobs);
      this.emit('job', done);
    });
  }

  /** The link is gone and its buffer printed (or the simulator closes): a job without a cut is torn off. */
  private finishConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const step of connection.end()) this.step(connection, step);
    this.endJob(connection, false);
  }
}

interface PrinterHead {
  /** The status byte for DLE EOT n, or null when the printer stays silent. */
  reply(n: number): number | null;
  send(connection: Connection, reply: Uint8Array): void;
  /** New bytes are buffered: print what can be printed. */
  received(): void;
}

interface JobInProgress {
  bytes: Uint8Array[];
  items: EscPosItem[];
  startedAt: Date;
}

/** One byte stream into the simulator: its real-time layer, its receive buffer and its job. */
class Connection {
  private readonly interpreter = new EscPosInterpreter();
  private readonly pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** How much of DLE EOT n has arrived: 0 none, 1 DLE, 2 DLE EOT. */
  private realtime = 0;
  job: JobInProgress | null = null;
  closed = false;

  constructor(
    private readonly head: PrinterHead,
    private readonly sendRaw: (reply: Uint8Array) => void,
  ) {}

  get buffered(): number {
    return this.pendingLength;
  }

  /** Answers real-time queries at once; everything else goes into the receive buffer. */
  receive(chunk: Uint8Array): void {
    if (this.closed) return;
    const data: number[] = [];
    const replies: number[] = [];
    for (const byte of chunk) {
      if (this.realtime === 0) {
        if (byte === DLE) this.realtime = 1;
        else data.push(byte);
      } else if (this.realtime === 1) {
        if (byte === EOT) this.realtime = 2;
        else {
          this.realtime = byte === DLE ? 1 : 0;
          data.push(DLE);
          if (byte !== DLE) data.push(byte);
        }
      } else {
        this.realtime = 0;
        if (byte >= 1 && byte <= 4) {
          const reply = this.head.reply(byte);
          if (reply !== null) replies.push(reply);
        } else {
          data.push(DLE, EOT, byte);
        }
      }
    }
    if (replies.length > 0) this.head.send(this, Uint8Array.from(replies));
    if (data.length > 0) {
      this.pending.push(Uint8Array.from(data));
      this.pendingLength += data.length;
      this.head.received();
    }
  }

  /** Interprets up to `max` buffered bytes; returns how many. */
  printSome(max: number, onStep: (step: EscPosStep) => void): number {
    const chunk = this.pending[0];
    if (!chunk || max <= 0) return 0;
    const take = Math.min(chunk.length, max);
    if (take === chunk.length) this.pending.shift();
    else this.pending[0] = chunk.subarray(take);
    this.pendingLength -= take;
    for (const step of this.interpreter.push(chunk.subarray(0, take))) onStep(step);
    return take;
  }

  reply(bytes: Uint8Array): void {
    this.head.send(this, bytes);
  }

  write(bytes: Uint8Array): void {
    if (!this.closed) this.sendRaw(bytes);
  }

  close(): void {
    this.closed = true;
  }

  /** Flushes the interpreter (a command cut short) at the end of the stream. */
  end(): EscPosStep[] {
    this.closed = true;
    this.pending.length = 0;
    this.pendingLength = 0;
    return this.interpreter.end();
  }
}
