import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isatty } from 'node:tty';
import type { ByteTransport } from './byte-transport';
import { TransportNotOpenError, TransportOpenFailedError, TransportWriteFailedError } from './transport-errors';
import { TransportListeners } from './transport-listeners';

export interface FileTransportOptions {
  path: string;
  /** How often a device file is polled for incoming bytes. */
  readPollMs?: number;
}

const READ_CHUNK = 4096;

/**
 * A device file such as /dev/usb/lp0 (or a tty/pty path), opened read/write and non-blocking, so
 * that a device which has nothing to say never parks a libuv thread in read(2). A regular file
 * is opened for appending only: it captures bytes (e.g. receipts) and never answers.
 */
export class FileTransport implements ByteTransport {
  private handle: FileHandle | undefined;
  private closing = false;
  private readLoop: Promise<void> | undefined;
  private readonly listeners = new TransportListeners();

  constructor(
    readonly address: string,
    private readonly options: FileTransportOptions,
  ) {}

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  /** False for a regular file: nothing will ever be read from it. */
  get readable(): boolean {
    return this.readLoop !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    const { path } = this.options;
    const kind = await stat(path).then(
      (s) => (s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'device'),
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? 'missing' : Promise.reject(err)),
    ).catch((err: unknown) => {
      throw new TransportOpenFailedError(this.address, (err as Error).message, err);
    });
    if (kind === 'directory') throw new TransportOpenFailedError(this.address, `${path} is a directory`);
    // A device path that does not exist is an unplugged device, not a file to create.
    if (kind === 'missing' && path.startsWith('/dev/')) throw new TransportOpenFailedError(this.address, `${path} does not exist`);
    try {
      this.handle = kind === 'device'
        ? await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY)
        : await open(path, 'a');
    } catch (err) {
      throw new TransportOpenFailedError(this.address, (err as Error).message, err);
    }
    this.closing = false;
    if (kind === 'device') this.readLoop = this.pollReads(this.handle);
  }

  private async pollReads(handle: FileHandle): Promise<void> {
    const pollMs = this.options.readPollMs ?? 10;
    const buffer = Buffer.alloc(READ_CHUNK);
    // A tty (or pty) reads 0 bytes only once hung up; a printer device may read 0 when idle.
    const zeroMeansHangup = isatty(handle.fd);
    while (!this.closing) {
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead > 0) {
          this.listeners.emitData(Buffer.from(buffer.subarray(0, bytesRead)));
          continue;
        }
        if (zeroMeansHangup && !this.closing) {
          await this.lost(new Error(`${this.address} hung up`));
          return;
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
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
    this.listeners.emitClose(err);
  }

  async write(data: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new TransportNotOpenError(this.address);
    let offset = 0;
    let busyWaits = 0;
    while (offset < data.length) {
      try {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset, null);
        offset += bytesWritten;
      } catch (err) {
        // A non-blocking device whose buffer is full: wait a little, but not forever.
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN' && busyWaits++ < 500) {
          await sleep(10);
          continue;
        }
        throw new TransportWriteFailedError(this.address, err);
      }
    }
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
