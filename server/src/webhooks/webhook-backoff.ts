/** Retry schedule of outbound deliveries. */
export interface WebhookBackoff {
  /** Delay before the 2nd attempt. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /** ± this share of the delay, so many failed deliveries do not all retry in the same second. */
  jitter: number;
  /** Attempts in all; after the last failure the delivery is `failed`. */
  maxAttempts: number;
}

/** 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: 10 attempts over about 3 h 20 min. */
export const DEFAULT_WEBHOOK_BACKOFF: WebhookBackoff = { baseMs: 30_000, maxMs: 3_600_000, jitter: 0.2, maxAttempts: 10 };

/**
 * The wait after `failedAttempts` failures (1 → base): doubling up to the cap, times a factor in
 * [1 − jitter, 1 + jitter) drawn from `random` (0 ≤ r < 1), and never above the cap.
 */
export function backoffDelayMs(failedAttempts: number, backoff: WebhookBackoff, random: () => number): number {
  const exponential = Math.min(backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1), backoff.maxMs);
  const factor = 1 - backoff.jitter + 2 * backoff.jitter * random();
  return Math.round(Math.min(exponential * factor, backoff.maxMs));
}
