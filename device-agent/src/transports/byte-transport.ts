/**
 * The one interface every driver talks through. A driver never knows whether the bytes go to a
 * tty, a TCP socket, a device file or an in-process simulator.
 */
export interface ByteTransport {
  /** The address it was opened from, e.g. "serial:/dev/ttyUSB0?baud=115200". */
  readonly address: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves once the bytes are handed to the OS (or the simulator). */
  write(data: Uint8Array): Promise<void>;
  /** Subscribes to incoming bytes; returns an unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when the link closes: err is set when it was lost rather than closed by us. */
  onClose(listener: (err?: Error) => void): () => void;
  close(): Promise<void>;
}
