/**
 * The listener bookkeeping every ByteTransport needs: data subscribers and a close notification
 * that fires exactly once.
 */
export class TransportListeners {
  private readonly data = new Set<(chunk: Buffer) => void>();
  private readonly close = new Set<(err?: Error) => void>();

  onData(listener: (chunk: Buffer) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    this.close.add(listener);
    return () => this.close.delete(listener);
  }

  emitData(chunk: Buffer): void {
    for (const listener of [...this.data]) listener(chunk);
  }

  emitClose(err?: Error): void {
    for (const listener of [...this.close]) listener(err);
  }
}
