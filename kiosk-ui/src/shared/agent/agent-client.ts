import type { AgentEvent, AgentStatus, PrinterRole, PrintResult, ReceiptDocument, SimCard, SimPrint } from '@eldercare/domain';
import type { AgentPairing } from './agent-pairing';

/** A failed agent call with the agent's code (PRINTER_PAPER_OUT, …) or AGENT_UNREACHABLE. */
export class AgentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}

type Listener = (event: AgentEvent) => void;
type ConnectionListener = (connected: boolean) => void;

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5_000;

/**
 * Talks to the device agent on loopback: HTTP for commands, a WebSocket for card and device
 * events. The socket reconnects by itself with back-off, so unplugging the agent is survivable.
 * Card data passes straight through to listeners; nothing is kept here.
 */
export class AgentClient {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly connectionListeners = new Set<ConnectionListener>();
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly pairing: AgentPairing) {}

  connect(): void {
    this.stopped = false;
    const wsUrl = `${this.pairing.url.replace(/^http/, 'ws')}/v1/events?token=${encodeURIComponent(this.pairing.token)}`;
    const socket = new WebSocket(wsUrl);
    this.socket = socket;
    socket.onopen = () => {
      this.reconnectDelay = RECONNECT_MIN_MS;
      for (const l of this.connectionListeners) l(true);
    };
    socket.onmessage = (message) => {
      let event: AgentEvent;
      try {
        event = JSON.parse(String(message.data)) as AgentEvent;
      } catch {
        return;
      }
      for (const l of this.listeners) l(event);
    };
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null;
      for (const l of this.connectionListeners) l(false);
      if (this.stopped) return;
      this.reconnectTimer = setTimeout(() => this.connect(), this.reconnectDelay);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    };
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onConnection(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.pairing.url + path, {
        method,
        headers: {
          authorization: `Bearer ${this.pairing.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (err) {
      throw new AgentError('AGENT_UNREACHABLE', err instanceof Error ? err.message : String(err));
    }
    const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const p = payload as { code?: string; message?: string } | null;
      throw new AgentError(p?.code ?? `HTTP_${response.status}`, p?.message ?? response.statusText);
    }
    return payload as T;
  }

  status(): Promise<AgentStatus> {
    return this.call('GET', '/v1/status');
  }

  /** Prints on the receipt (or ticket) printer; resolves with the agent's result, also when the printer failed. */
  async print(document: ReceiptDocument, role: PrinterRole = 'receipt'): Promise<PrintResult> {
    try {
      return await this.call<PrintResult>('POST', '/v1/print', { role, document });
    } catch (err) {
      if (err instanceof AgentError) return { jobId: document.id, state: 'failed', code: err.code };
      throw err;
    }
  }

  /** Tells the agent to forget the card it read for this session. */
  async releaseSession(): Promise<void> {
    await this.call('POST', '/v1/session/release').catch(() => undefined);
  }

  simCards(): Promise<SimCard[]> {
    return this.call('GET', '/v1/sim/cards');
  }

  placeSimCard(key: string): Promise<unknown> {
    return this.call('PUT', '/v1/sim/card', { key });
  }

  removeSimCard(): Promise<unknown> {
    return this.call('DELETE', '/v1/sim/card');
  }

  /** What the simulated printer of that role printed, newest first. */
  simPrints(role: PrinterRole = 'receipt'): Promise<SimPrint[]> {
    return this.call('GET', `/v1/sim/prints?role=${role}`);
  }

  /** ok loads paper (a held job then prints), near-end trips the sensor, out empties the roll. */
  setSimPaper(role: PrinterRole, state: 'ok' | 'near-end' | 'out'): Promise<unknown> {
    return this.call('PUT', `/v1/sim/printers/${role}/paper`, { state });
  }

  setSimCover(role: PrinterRole, open: boolean): Promise<unknown> {
    return this.call('PUT', `/v1/sim/printers/${role}/cover`, { open });
  }

  /** Scans text on the simulated scanner; the result arrives as scan.read / scan.rejected. */
  simScan(text: string): Promise<unknown> {
    return this.call('POST', '/v1/sim/scan', { text });
  }
}
