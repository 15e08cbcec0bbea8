import { stat } from 'node:fs/promises';
import type * as SerialPortModule from 'serialport';
import type { SerialPort } from 'serialport';
import type { ByteTransport } from './byte-transport';
import {
  TransportNotOpenError,
  TransportOpenFailedError,
  TransportUnavailableError,
  TransportWriteFailedError,
  describe,
} from './transport-errors';
import { TransportListeners } from './transport-listeners';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  /** How often the device path is checked for having vanished (unplugged adapter, closed pty). */
  presenceCheckMs?: number;
}

/**
 * A serial port (USB-serial adapter, on-board UART, or a pseudo-terminal) at 8N1. The serialport
 * package is loaded only when a serial address is opened, so a machine without its native
 * binding still runs everything else.
 */
export class SerialTransport implements ByteTransport {
  private port: SerialPort | undefined;
  private closing = false;
  private lostReason: Error | undefined;
  private presenceTimer: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new TransportListeners();

  constructor(
    readonly address: string,
    private readonly options: SerialTransportOptions,
  ) {}

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.port) return;
    let mod: typeof SerialPortModule;
    try {
      mod = await import('serialport');
    } catch (err) {
      throw new TransportUnavailableError(this.address, `the serialport package cannot be loaded (${describe(err)})`, err);
    }
    const port = new mod.SerialPort({
      path: this.options.path,
      baudRate: this.options.baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(new TransportOpenFailedError(this.address, err.message, err)) : resolve()));
    });
    this.port = port;
    this.closing = false;
    this.lostReason = undefined;
    port.on('data', (chunk: Buffer) => this.listeners.emitData(chunk));
    // Errors also arrive as 'close' (with err.disconnected) or through write callbacks.
    port.on('error', () => {});
    port.on('close', (err?: Error | null) => {
      clearInterval(this.presenceTimer);
      this.port = undefined;
      this.listeners.emitClose(this.closing ? undefined : (this.lostReason ?? err ?? new Error(`${this.address} closed unexpectedly`)));
    });
    // A hung-up tty reads 0 bytes forever and serialport never reports it: watch the path instead.
    this.presenceTimer = setInterval(() => {
      void stat(this.options.path).catch(() => {
        if (this.port !== port || this.lostReason) return;
        this.lostReason = new Error(`${this.options.path} has gone (device unplugged?)`);
        port.close();
      });
    }, this.options.presenceCheckMs ?? 1000);
    this.presenceTimer.unref();
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new TransportNotOpenError(this.address);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (err) => (err ? reject(new TransportWriteFailedError(this.address, err)) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.closing = true;
    clearInterval(this.presenceTimer);
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
