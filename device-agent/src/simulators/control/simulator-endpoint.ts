import { DomainError } from '@eldercare/domain';
import type { ByteTransport } from '../../transports/byte-transport';
import { openTransport } from '../../transports/open-transport';
import { createPtyPair, type PtyPair } from '../../transports/pty-pair';

/** What an endpoint needs from a simulator: ReaderSimulator and PrinterSimulator both fit. */
export interface ServableSimulator {
  listenTcp(port: number, host: string): Promise<{ host: string; port: number; close(): Promise<void> }>;
  attach(transport: ByteTransport): unknown;
}

export type EndpointSpec = { kind: 'tcp'; host: string; port: number } | { kind: 'pty'; path: string };

export class EndpointError extends DomainError {
  constructor(code: 'SIM_ENDPOINT_CLOSED' | 'SIM_ENDPOINT_BUSY', message: string) {
    super(code, message);
  }
}

/**
 * Where a simulator process serves its device: a TCP port or a pseudo-terminal (socat). It can
 * be disconnected for a while, like a cable pulled and plugged back in: the listener (or the
 * pty pair) and every connection go away, and come back at the same address after `forMs`.
 */
export class SimulatorEndpoint {
  private closeLink: (() => Promise<void>) | undefined;
  private returnTimer: ReturnType<typeof setTimeout> | undefined;
  private returning: Promise<void> | undefined;
  private closed = false;
  private port = 0;
  /** Called when the link is lost by itself (socat died), not through disconnect() or close(). */
  onLost: (message: string) => void = () => {};

  constructor(
    private readonly simulator: ServableSimulator,
    private readonly spec: EndpointSpec,
  ) {
    if (spec.kind === 'tcp') this.port = spec.port;
  }

  /** The device address the agent opens, e.g. tcp:127.0.0.1:7500 or serial:/tmp/ttyIdReader?baud=115200. */
  get agentAddress(): string {
    return this.spec.kind === 'tcp' ? `tcp:${this.spec.host}:${this.port}` : `serial:${this.spec.path}?baud=115200`;
  }

  get connected(): boolean {
    return this.closeLink !== undefined;
  }

  async open(): Promise<void> {
    if (this.closed) throw new EndpointError('SIM_ENDPOINT_CLOSED', 'The endpoint is closed');
    if (this.closeLink) return;
    this.closeLink = this.spec.kind === 'tcp' ? await this.openTcp(this.spec.host) : await this.openPty(this.spec.path);
  }

  /** Drops the link now and restores it after `forMs` (a later call replaces the return time). */
  async disconnect(forMs: number): Promise<void> {
    if (this.closed) throw new EndpointError('SIM_ENDPOINT_CLOSED', 'The endpoint is closed');
    clearTimeout(this.returnTimer);
    await this.returning;
    await this.drop();
    this.returnTimer = setTimeout(() => {
      this.returnTimer = undefined;
      this.returning = this.open()
        .catch((err: Error) => this.onLost(`could not come back: ${err.message}`))
        .finally(() => (this.returning = undefined));
    }, forMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.returnTimer);
    await this.returning;
    await this.drop();
  }

  private async drop(): Promise<void> {
    const close = this.closeLink;
    this.closeLink = undefined;
    await close?.();
  }

  private async openTcp(host: string): Promise<() => Promise<void>> {
    const listener = await this.simulator.listenTcp(this.port, host);
    // Port 0 picks one the first time; coming back keeps it, so the agent finds the device again.
    this.port = listener.port;
    return () => listener.close();
  }

  private async openPty(path: string): Promise<() => Promise<void>> {
    const pair: PtyPair = await createPtyPair(path, `${path}.sim`);
    let transport: ByteTransport;
    try {
      transport = await openTransport(`serial:${pair.simPath}?baud=115200`);
    } catch (err) {
      await pair.close();
      throw err;
    }
    this.simulator.attach(transport);
    let dropping = false;
    void pair.exited.then(() => {
      if (dropping || this.closed) return;
      this.closeLink = undefined;
      void transport.close().catch(() => {});
      this.onLost('socat exited; the pseudo-terminal is gone');
    });
    return async () => {
      dropping = true;
      await transport.close().catch(() => {});
      await pair.close();
    };
  }
}
