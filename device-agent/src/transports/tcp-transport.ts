import { Socket } from 'node:net';
import type { ByteTransport } from './byte-transport';
import { TransportNotOpenError, TransportOpenFailedError, TransportWriteFailedError } from './transport-errors';
import { TransportListeners } from './transport-listeners';

export interface TcpTransportOptions {
  host: string;
  port: number;
  /** Give up connecting after this long; a network printer that is off never answers. */
  connectTimeoutMs?: number;
}

/** A raw TCP connection, e.g. a network printer on port 9100 or a simulator's listener. */
export class TcpTransport implements ByteTransport {
  private socket: Socket | undefined;
  private closing = false;
  private readonly listeners = new TransportListeners();

  constructor(
    readonly address: string,
    private readonly options: TcpTransportOptions,
  ) {}

  get isOpen(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const socket = new Socket();
    const timeoutMs = this.options.connectTimeoutMs ?? 5000;
    await new Promise<void>((resolve, reject) => {
      const fail = (reason: string, cause?: unknown) => {
        socket.destroy();
        reject(new TransportOpenFailedError(this.address, reason, cause));
      };
      socket.setTimeout(timeoutMs, () => fail(`no connection within ${timeoutMs} ms`));
      socket.once('error', (err) => fail(err.message, err));
      socket.connect(this.options.port, this.options.host, () => {
        socket.setTimeout(0);
        socket.removeAllListeners('error');
        resolve();
      });
    });
    socket.setNoDelay(true);
    this.socket = socket;
    this.closing = false;
    let lastError: Error | undefined;
    socket.on('data', (chunk: Buffer) => this.listeners.emitData(chunk));
    socket.on('error', (err) => (lastError = err));
    // A peer that half-closes is gone for our purposes.
    socket.on('end', () => socket.destroy());
    socket.on('close', () => {
      this.socket = undefined;
      this.listeners.emitClose(this.closing ? undefined : (lastError ?? new Error(`${this.address}: connection closed by peer`)));
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new TransportNotOpenError(this.address);
    await new Promise<void>((resolve, reject) => {
      socket.write(data, (err) => (err ? reject(new TransportWriteFailedError(this.address, err)) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      // Do not wait for a peer that never acknowledges the FIN.
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }
}
