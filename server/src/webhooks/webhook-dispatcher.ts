import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { backoffDelayMs, DEFAULT_WEBHOOK_BACKOFF, type WebhookBackoff } from './webhook-backoff';
import { composeWebhookPayload, type DeliverySource } from './webhook-payloads';
import { signWebhook } from './webhook-signature';
import type { WebhookSubscriptions } from './webhook-subscriptions';

/** Timers the loop uses; tests pass their own so that nothing waits for real. */
export interface WebhookTimers {
  set(fn: () => void, ms: number): () => void;
}

export const realTimers: WebhookTimers = {
  set(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};

/** One HTTP POST; the default is fetch. Resolves with the status code, rejects on a network error or timeout. */
export type WebhookPost = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<number>;

export const fetchPost: WebhookPost = async (url, body, headers, timeoutMs) => {
  const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  // The body is not read: only the status decides.
  await response.body?.cancel();
  return response.status;
};

export interface WebhookDispatcherOptions {
  backoff: WebhookBackoff;
  /** How often the loop looks for due deliveries (a NOTIFY from a new delivery wakes it sooner). */
  pollMs: number;
  /** Deliveries claimed per round. */
  batchSize: number;
  /** A claimed delivery is held this long; an instance that dies mid-send gives it back then. */
  leaseMs: number;
  requestTimeoutMs: number;
  random: () => number;
  post: WebhookPost;
}

export const DEFAULT_DISPATCHER_OPTIONS: WebhookDispatcherOptions = {
  backoff: DEFAULT_WEBHOOK_BACKOFF,
  pollMs: 5_000,
  batchSize: 20,
  leaseMs: 120_000,
  requestTimeoutMs: 10_000,
  random: Math.random,
  post: fetchPost,
};

interface ClaimedRow {
  id: string;
  department: string;
  kind: DeliverySource['kind'];
  application_id: number;
  part_no: number;
  part_event_id: string | null;
  attempts: number;
}

/**
 * Sends the outbox (webhook_deliveries) to the departments. Any number of server instances run
 * one each: a round claims due rows with FOR UPDATE SKIP LOCKED and leases them by moving their
 * due time, so two instances never send the same delivery at once, and the POST happens outside
 * any transaction. A 2xx ends a delivery; anything else is retried with back-off and jitter until
 * the attempts run out (`failed`). Receivers deduplicate by X-Eldercare-Delivery.
 */
export class WebhookDispatcher {
  readonly options: WebhookDispatcherOptions;
  #running: Promise<number> | null = null;
  #again = false;
  #cancelTimer: (() => void) | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  #stopped = true;

  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly clock: () => Date,
    options: Partial<WebhookDispatcherOptions> = {},
    private readonly timers: WebhookTimers = realTimers,
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
  }

  /** Polls every pollMs and wakes on NOTIFY webhook_deliveries (from any instance). */
  async start(): Promise<void> {
    this.#stopped = false;
    this.#unlisten = await this.db.listen('webhook_deliveries', {
      // PGlite notifies from inside the committing statement: never query synchronously here.
      onNotification: () => this.#schedule(0),
      onReconnect: () => this.#schedule(0),
    });
    this.#schedule(this.options.pollMs);
  }

  /** Stops the loop and waits for a round in flight (before the database closes). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    await this.#unlisten?.();
    this.#unlisten = null;
    await this.#running?.catch(() => undefined);
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#cancelTimer?.();
    this.#cancelTimer = this.timers.set(() => {
      this.#cancelTimer = null;
      void this.runOnce()
        .catch(() => undefined)
        .finally(() => this.#schedule(this.options.pollMs));
    }, ms);
  }

  /**
   * One round: sends every due delivery (batch by batch) and returns how many were attempted.
   * Overlapping calls share the round in flight and run once more after it.
   */
  runOnce(): Promise<number> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      let total = 0;
      try {
        do {
          this.#again = false;
          for (;;) {
            const claimed = await this.#claim();
            if (claimed.length === 0) break;
            await Promise.all(claimed.map((row) => this.#send(row)));
            total += claimed.length;
          }
        } while (this.#again);
      } finally {
        this.#running = null;
      }
      return total;
    })();
    return this.#running;
  }

  async #claim(): Promise<ClaimedRow[]> {
    const now = this.clock();
    return this.db.query<ClaimedRow>(
      `UPDATE webhook_deliveries d SET next_attempt_at = $2
       WHERE d.id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at, created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.department, d.kind, d.application_id, d.part_no, d.part_event_id::text AS part_event_id, d.attempts`,
      [now, new Date(now.getTime() + this.options.leaseMs), this.options.batchSize],
    );
  }

  async #send(row: ClaimedRow): Promise<void> {
    const subscription = await this.subscriptions.find(this.db, row.department);
    if (!subscription) return this.#finish(row, 'failed', null, 'subscription removed');
    // Checked again at sending: the allowed origins may have changed since it was subscribed.
    const refusal = this.subscriptions.urlRefusal(subscription.url);
    if (refusal !== null) return this.#finish(row, 'failed', null, `URL not allowed: ${refusal}`.slice(0, 200));
    const payload = await composeWebhookPayload(
      this.db,
      this.protector,
      { id: row.id, kind: row.kind, applicationId: row.application_id, partNo: row.part_no, partEventId: row.part_event_id === null ? null : Number(row.part_event_id) },
      subscription.personalData,
    );
    if (!payload) return this.#finish(row, 'failed', null, 'part deleted');
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(this.clock().getTime() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await this.options.post(
        subscription.url,
        body,
        {
          'content-type': 'application/json',
          'x-eldercare-delivery': row.id,
          'x-eldercare-timestamp': String(timestamp),
          'x-eldercare-signature': signWebhook(subscription.secret, timestamp, body),
        },
        this.options.requestTimeoutMs,
      );
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}`.slice(0, 200) : 'request failed';
    }
    if (error === null) return this.#finish(row, 'delivered', statusCode, null);
    const attempts = row.attempts + 1;
    if (attempts >= this.options.backoff.maxAttempts) return this.#finish(row, 'failed', statusCode, error);
    return this.#finish(row, 'pending', statusCode, error, backoffDelayMs(attempts, this.options.backoff, this.options.random));
  }

  async #finish(row: ClaimedRow, status: 'pending' | 'delivered' | 'failed', statusCode: number | null, error: string | null, retryInMs = 0): Promise<void> {
    const now = this.clock();
    await this.db.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_attempt_at = $3, last_status_code = $4, last_error = $5,
         next_attempt_at = $6, delivered_at = CASE WHEN $2 = 'delivered' THEN $3 ELSE delivered_at END
       WHERE id = $1`,
      [row.id, status, now, statusCode, error, new Date(now.getTime() + retryInMs)],
    );
  }
}
