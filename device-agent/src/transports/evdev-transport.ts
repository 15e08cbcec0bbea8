import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { ByteTransport } from './byte-transport';
import { TransportNotOpenError, TransportOpenFailedError, TransportWriteFailedError } from './transport-errors';
import { TransportListeners } from './transport-listeners';

export interface EvdevTransportOptions {
  path: string;
  /** How often the device is polled for new events (ms); a scanner types ~1 key per ms at most. */
  readPollMs?: number;
}

/**
 * A Linux input device (/dev/input/event*, or a pipe carrying the same bytes), read only: the
 * bytes are `struct input_event` records for the scanner's key decoder. The file is opened
 * non-blocking and polled, so an idle keyboard never parks a libuv thread in read(2).
 *
 * It does not grab the device (EVIOCGRAB needs an ioctl, i.e. a native addon), so the desktop
 * also sees the keystrokes: see the README for the udev rule that keeps them from the kiosk UI.
 */
export class EvdevTransport implements ByteTransport {
  private handle: FileHandle | undefined;
  private closing = false;
  private readLoop: Promise<void> | undefined;
  private readonly listeners = new TransportListeners();

  constructor(
    readonly address: string,
    private readonly options: EvdevTransportOptions,
  ) {}

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    const { path } = this.options;
    try {
      const s = await stat(path);
      if (s.isDirectory() || s.isFile()) throw new Error(`${path} is not an input device or pipe`);
      this.handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const reason = e.code === 'ENOENT' ? `${path} does not exist (scanner unplugged?)`
        : e.code === 'EACCES' ? `${path}: permission denied (is the agent's user in the input group?)`
        : e.message;
      throw new TransportOpenFailedError(this.address, reason, err);
    }
    this.closing = false;
    this.readLoop = this.pollReads(this.handle);
  }

  private async pollReads(handle: FileHandle): Promise<void> {
    const pollMs = this.options.readPollMs ?? 10;
    // A whole number of 24-byte (and of 16-byte) records.
    const buffer = Buffer.alloc(24 * 16 * 8);
    while (!this.closing) {
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead > 0) {
          this.listeners.emitData(Buffer.from(buffer.subarray(0, bytesRead)));
          continue;
        }
        // 0: a pipe with no writer (yet); an input device never reads 0.
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
          // ENODEV: the device was unplugged.
          if (!this.closing) await this.lost(err as Error);
          return;
        }
      }
      await sleep(pollMs);
    }
  }

  private async lost(err: Error): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.readLoop = undefined;
    await handle?.close().catch(() => {});
    this.listeners.emitClose(new Error(`${this.address} lost: ${err.message}`));
  }

  async write(): Promise<void> {
    if (!this.handle) throw new TransportNotOpenError(this.address);
    throw new TransportWriteFailedError(this.address, new Error('an input device is read only'));
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.closing = true;
    this.handle = undefined;
    await this.readLoop;
    this.readLoop = undefined;
    await handle.close();
    this.listeners.emitClose();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
