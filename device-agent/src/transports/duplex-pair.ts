import type { ByteTransport } from './byte-transport';

/**
 * Two connected in-memory transports: bytes written to one arrive at the other on a later
 * microtask, the way a real link never delivers synchronously. Used for `sim:` devices (an
 * in-process simulator on one end, the driver on the other) and for tests.
 */
export function createDuplexPair(address = 'sim:'): [ByteTransport, ByteTransport] {
  const a = new MemoryTransport(address);
  const b = new MemoryTransport(address);
  a.peer = b;
  b.peer = a;
  return [a, b];
}

class MemoryTransport implements ByteTransport {
  peer: MemoryTransport | undefined;
  private open_ = false;
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly closeListeners = new Set<(err?: Error) => void>();

  constructor(readonly address: string) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    this.open_ = true;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new Error(`Transport ${this.address} is not open`);
    const chunk = Buffer.from(data);
    const peer = this.peer;
    queueMicrotask(() => peer?.deliver(chunk));
  }

  private deliver(chunk: Buffer): void {
    if (!this.open_) return;
    for (const listener of this.dataListeners) listener(chunk);
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    for (const listener of this.closeListeners) listener();
  }
}
