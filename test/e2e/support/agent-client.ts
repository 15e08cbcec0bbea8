import type { AgentEvent, AgentStatus, PrintRequest, PrintResult } from '@eldercare/domain';
import { WebSocket } from 'ws';

type EventOf<T extends AgentEvent['type']> = Extract<AgentEvent, { type: T }>;

/** Polls `probe` until it returns something other than undefined/false; fails with `what` after timeoutMs. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * The agent's loopback API as the kiosk uses it: HTTP with the pairing token, and the events
 * WebSocket, whose events are kept in order so a caller can wait for the next matching one.
 */
export class AgentClient {
  readonly events: AgentEvent[] = [];
  private waiters: { match: (e: AgentEvent) => boolean; resolve: (e: AgentEvent) => void; reject: (err: Error) => void }[] = [];
  private seen = 0;
  private ws: WebSocket | undefined;

  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Opens the events socket (and reopens it after an agent restart with `connect()` again). */
  async connect(): Promise<this> {
    this.ws?.close();
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/v1/events?token=${encodeURIComponent(this.token)}`);
    ws.on('message', (data) => {
      this.events.push(JSON.parse(String(data)) as AgentEvent);
      this.flush();
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`events socket: HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
    ws.on('error', () => {});
    this.ws = ws;
    return this;
  }

  close(): void {
    this.ws?.close();
    this.ws = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('client closed'));
  }

  /** Skips every event received so far: the next wait sees only newer ones. */
  skipReceived(): void {
    this.seen = this.events.length;
  }

  /** The next event not yet taken that matches (events received earlier count). */
  next<T extends AgentEvent['type']>(type: T, where: (e: EventOf<T>) => boolean = () => true, timeoutMs = 10_000): Promise<EventOf<T>> {
    const match = (e: AgentEvent) => e.type === type && where(e as EventOf<T>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out waiting for event ${type}; got ${this.events.slice(-8).map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (e: AgentEvent) => {
          clearTimeout(timer);
          resolve(e as EventOf<T>);
        },
        reject: (err: Error) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.waiters.push(waiter);
      this.flush();
    });
  }

  async status(): Promise<AgentStatus> {
    return this.call<AgentStatus>('GET', '/v1/status');
  }

  /** Polls /v1/status until `where` holds; returns that status. */
  statusWhere(what: string, where: (status: AgentStatus) => boolean, timeoutMs = 10_000): Promise<AgentStatus> {
    return waitUntil(what, async () => {
      const status = await this.status();
      return where(status) ? status : undefined;
    }, timeoutMs);
  }

  /** The PrintResult, whatever the HTTP status that came with it (held and failed are not 200). */
  async print(request: PrintRequest): Promise<PrintResult> {
    const response = await fetch(`${this.url}/v1/print`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as Partial<PrintResult>;
    if (typeof body.jobId !== 'string' || typeof body.state !== 'string') throw new Error(`POST /v1/print: ${response.status} ${JSON.stringify(body)}`);
    return body as PrintResult;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private flush(): void {
    while (this.waiters.length > 0 && this.seen < this.events.length) {
      const event = this.events[this.seen++]!;
      const index = this.waiters.findIndex((w) => w.match(event));
      if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(event);
    }
  }
}
