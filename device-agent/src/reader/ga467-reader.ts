import type { IdCardData } from '@eldercare/domain';
import { parseCardReadData } from '../ga467/card-read-data';
import { Ga467Command } from '../ga467/ga467-commands';
import { encodeCommand, parseReply, type Ga467Reply } from '../ga467/ga467-frame';
import { Ga467FrameSplitter } from '../ga467/ga467-frame-splitter';
import { Sw3, describeSw3, hex } from '../ga467/ga467-status';
import { ReaderError } from '../ga467/reader-error';
import { decodeCardText } from '../ga467/card-text';
import { decodeSamId } from '../ga467/sam-id';
import type { ByteTransport } from '../transports/byte-transport';
import { systemTimers, type Timers } from './timers';

export interface CardRead {
  card: IdCardData;
  /** The WLT photo exactly as read (1024 bytes); see ARCHITECTURE.md: never decoded here. */
  photo: Buffer;
}

export interface Ga467ReaderOptions {
  /** Timeout of short commands (status, find, select …). */
  commandTimeoutMs?: number;
  /** Timeout of the card reads: the 1295-byte `30 01` reply alone takes ~112 ms at 115200 baud. */
  readTimeoutMs?: number;
  timers?: Timers;
}

interface Pending {
  resolve(reply: Ga467Reply): void;
  reject(err: Error): void;
  timer: unknown;
}

/**
 * A GA 467 SAM (second-generation ID card reader) over any byte transport. Commands are
 * serialised: one frame out, one reply back, each with its own timeout.
 */
export class Ga467Reader {
  private readonly splitter = new Ga467FrameSplitter();
  private readonly timers: Timers;
  private readonly commandTimeoutMs: number;
  private readonly readTimeoutMs: number;
  private readonly unsubscribe: (() => void)[];
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending | undefined;
  private disposed = false;
  /** Replies that arrived when no command was waiting (late answers to timed-out commands). */
  strayFrames = 0;

  constructor(
    private readonly transport: ByteTransport,
    options: Ga467ReaderOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 1000;
    this.readTimeoutMs = options.readTimeoutMs ?? 1500;
    this.splitter.on('data', (frame: Buffer) => this.onFrame(frame));
    this.unsubscribe = [
      transport.onData((chunk) => this.splitter.write(chunk)),
      transport.onClose(() => this.fail(new ReaderError('READER_DISCONNECTED', `reader link ${transport.address} closed`))),
    ];
  }

  get address(): string {
    return this.transport.address;
  }

  async reset(): Promise<void> {
    expectSw3(await this.transact(Ga467Command.reset, undefined, this.readTimeoutMs), Sw3.OK);
  }

  /** Resolves when the SAM reports itself healthy; throws a ReaderError otherwise. */
  async status(): Promise<void> {
    expectSw3(await this.transact(Ga467Command.status), Sw3.OK);
  }

  async samId(): Promise<string> {
    const reply = expectSw3(await this.transact(Ga467Command.samId), Sw3.OK);
    return decodeSamId(reply.data);
  }

  /** True when a card is in the field (9F), false when none is (80). */
  async findCard(): Promise<boolean> {
    const reply = expectSw3(await this.transact(Ga467Command.findCard), Sw3.CARD_FOUND, Sw3.NO_CARD);
    return reply.sw3 === Sw3.CARD_FOUND;
  }

  async selectCard(): Promise<void> {
    expectSw3(await this.transact(Ga467Command.selectCard), Sw3.OK);
  }

  async readCard(): Promise<CardRead> {
    const reply = expectSw3(await this.transact(Ga467Command.readText, undefined, this.readTimeoutMs), Sw3.OK);
    const { text, photo } = parseCardReadData(reply.data, false);
    return { card: decodeCardText(text), photo };
  }

  async readCardWithFingerprint(): Promise<CardRead & { fingerprint: Buffer }> {
    const reply = expectSw3(await this.transact(Ga467Command.readWithFingerprint, undefined, this.readTimeoutMs), Sw3.OK);
    const { text, photo, fingerprint } = parseCardReadData(reply.data, true);
    return { card: decodeCardText(text), photo, fingerprint: fingerprint ?? Buffer.alloc(0) };
  }

  /** The extra address (追加住址) written after issue, or null when the card has none. */
  async readExtraAddress(): Promise<string | null> {
    const reply = expectSw3(await this.transact(Ga467Command.readExtraAddress, undefined, this.readTimeoutMs), Sw3.OK, Sw3.NO_CONTENT);
    if (reply.sw3 === Sw3.NO_CONTENT) return null;
    if (reply.data.length % 2 !== 0) throw new ReaderError('READER_REPLY_INVALID', 'extra address is not UCS-2 (odd length)');
    return reply.data.toString('utf16le').replace(/[ \0]+$/u, '') || null;
  }

  /**
   * Sends one command and resolves with its reply, whatever its SW3. A reply saying our frame
   * arrived corrupted (SW3 10/11) is answered by sending the command once more.
   */
  transact(command: readonly [number, number], data?: Uint8Array, timeoutMs = this.commandTimeoutMs): Promise<Ga467Reply> {
    const frame = encodeCommand(command[0], command[1], data);
    const run = async () => {
      const reply = await this.exchange(frame, timeoutMs);
      if (reply.sw3 !== Sw3.CHECKSUM_ERROR && reply.sw3 !== Sw3.LENGTH_ERROR) return reply;
      return this.exchange(frame, timeoutMs);
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  /** Stops listening to the transport (which stays open: its owner closes it). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const off of this.unsubscribe) off();
    this.fail(new ReaderError('READER_DISCONNECTED', 'reader driver disposed'));
    this.splitter.destroy();
  }

  private exchange(frame: Buffer, timeoutMs: number): Promise<Ga467Reply> {
    if (this.disposed) return Promise.reject(new ReaderError('READER_DISCONNECTED', 'reader driver disposed'));
    if (!this.transport.isOpen) return Promise.reject(new ReaderError('READER_DISCONNECTED', `reader link ${this.address} is not open`));
    // Bytes still buffered belong to an earlier, abandoned exchange: they must not answer this one.
    this.splitter.reset();
    return new Promise<Ga467Reply>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.pending = undefined;
        reject(new ReaderError('READER_TIMEOUT', `no reply to command ${hex(frame[7]!)} ${hex(frame[8]!)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending = { resolve, reject, timer };
      this.transport.write(frame).catch((err: unknown) =>
        this.fail(new ReaderError('READER_DISCONNECTED', `cannot write to ${this.address}: ${(err as Error).message}`)),
      );
    });
  }

  private onFrame(frame: Buffer): void {
    const pending = this.pending;
    if (!pending) {
      this.strayFrames++;
      return;
    }
    this.pending = undefined;
    this.timers.clearTimeout(pending.timer);
    try {
      pending.resolve(parseReply(frame));
    } catch (err) {
      pending.reject(err as Error);
    }
  }

  private fail(err: Error): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.timers.clearTimeout(pending.timer);
    pending.reject(err);
  }
}

function expectSw3(reply: Ga467Reply, ...accepted: number[]): Ga467Reply {
  if (accepted.includes(reply.sw3)) return reply;
  const { code, text } = describeSw3(reply.sw3);
  throw new ReaderError(code, `SAM answered ${hex(reply.sw3)}: ${text}`, reply.sw3);
}
