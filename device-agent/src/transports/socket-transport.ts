import type { Socket } from 'node:net';
import type { ByteTransport } from './byte-transport';
import { TransportNotOpenError, TransportWriteFailedError } from './transport-errors';
import { TransportListeners } from './transport-listeners';

/**
 * An already-connected socket as a ByteTransport: what a simulator's TCP listener hands to the
 * device model for each accepted connection.
 */
export class SocketTransport implements ByteTransport {
  private readonly listeners = new TransportListeners();
  private closing = false;

  constructor(
    private readonly socket: Socket,
    readonly address = `tcp:${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
  ) {
    socket.setNoDelay(true);
    let lastError: Error | undefined;
    socket.on('data', (chunk: Buffer) => this.listeners.emitData(chunk));
    socket.on('error', (err) => (lastError = err));
    socket.on('end', () => socket.destroy());
    socket.on('close', () => this.listeners.emitClose(this.closing ? undefined : lastError));
  }

  get isOpen(): boolean {
    return !this.socket.destroyed;
  }

  async open(): Promise<void> {
    if (this.socket.destroyed) throw new TransportNotOpenError(this.address);
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.socket.destroyed) throw new TransportNotOpenError(this.address);
    await new Promise<void>((resolve, reject) => {
      this.socket.write(data, (err) => (err ? reject(new TransportWriteFailedError(this.address, err)) : resolve()));
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    if (this.socket.destroyed) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.destroy();
    });
  }
}
