import pg from 'pg';
import { assertChannelName, type NotificationListener } from './sql-database';

export interface PostgresListenerOptions {
  /** First wait before reconnecting after the first failed attempt; doubled up to maxRetryMs. */
  minRetryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * LISTEN on PostgreSQL through ONE dedicated connection per server instance, outside the pool: a
 * pooled client would be handed to other queries and lose its LISTENs on release. When the
 * connection drops (server restart, pg_terminate_backend, network), it reconnects at once, then
 * with back-off, LISTENs again and tells every listener (onReconnect), because a NOTIFY sent
 * while it was down is gone for good; the listeners catch up from their log.
 */
export class PostgresListener {
  readonly #channels = new Map<string, Set<NotificationListener>>();
  readonly #minRetryMs: number;
  readonly #maxRetryMs: number;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #retryMs = 0;
  #retryTimer: unknown = null;
  #closed = false;
  /** How many times the connection came back; for tests and logs. */
  reconnects = 0;

  /** The server process of the listening connection (pg_terminate_backend in tests); null while down. */
  get backendPid(): number | null {
    return (this.#client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  constructor(
    private readonly url: string,
    options: PostgresListenerOptions = {},
  ) {
    this.#minRetryMs = options.minRetryMs ?? 100;
    this.#maxRetryMs = options.maxRetryMs ?? 10_000;
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
  }

  /** The first listen opens the connection and fails if it cannot (the app does not start half-deaf). */
  async listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>> {
    assertChannelName(channel);
    if (this.#closed) throw new Error('The listener is closed');
    let listeners = this.#channels.get(channel);
    const fresh = listeners === undefined;
    if (!listeners) this.#channels.set(channel, (listeners = new Set()));
    listeners.add(listener);
    try {
      const client = this.#client ?? (await (this.#connecting ??= this.#connect()));
      // A fresh connection LISTENs to every channel already; otherwise add this one.
      if (fresh && client === this.#client && !this.#listensOn.has(channel)) await this.#listenOn(client, channel);
    } catch (error) {
      listeners.delete(listener);
      if (listeners.size === 0) this.#channels.delete(channel);
      throw error;
    }
    return async () => {
      const current = this.#channels.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.#channels.delete(channel);
      this.#listensOn.delete(channel);
      await this.#client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer !== null) this.#clearTimer(this.#retryTimer);
    const client = this.#client ?? (await this.#connecting?.catch(() => null));
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  readonly #listensOn = new Set<string>();

  async #listenOn(client: pg.Client, channel: string): Promise<void> {
    await client.query(`LISTEN ${channel}`);
    this.#listensOn.add(channel);
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', (message) => {
      if (client !== this.#client || message.payload === undefined) return;
      for (const listener of this.#channels.get(message.channel) ?? []) listener.onNotification(message.payload);
    });
    // 'error' must have a handler or it crashes the process; both lead to one reconnect.
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      this.#listensOn.clear();
      for (const channel of this.#channels.keys()) await this.#listenOn(client, channel);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    } finally {
      this.#connecting = null;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      throw new Error('The listener is closed');
    }
    this.#client = client;
    return client;
  }

  #lost(client: pg.Client): void {
    if (client !== this.#client || this.#closed) return;
    this.#client = null;
    this.#listensOn.clear();
    client.end().catch(() => undefined);
    this.#retryMs = 0;
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    this.#retryTimer = this.#setTimer(() => {
      this.#retryTimer = null;
      if (this.#closed) return;
      // A listen() meanwhile may have connected already.
      const connected = this.#client ? Promise.resolve(this.#client) : (this.#connecting ??= this.#connect());
      connected.then(
        () => {
          this.#retryMs = 0;
          this.reconnects += 1;
          for (const listeners of this.#channels.values()) for (const listener of listeners) listener.onReconnect?.();
        },
        () => {
          this.#retryMs = Math.min(Math.max(this.#retryMs * 2, this.#minRetryMs), this.#maxRetryMs);
          if (!this.#closed) this.#scheduleReconnect();
        },
      );
    }, this.#retryMs);
  }
}
