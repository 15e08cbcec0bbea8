import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_WEBHOOK_BACKOFF } from './webhook-backoff';

describe('backoffDelayMs', () => {
  const middle = () => 0.5;
  it('doubles from 30 s to the 1 h cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelayMs(n, DEFAULT_WEBHOOK_BACKOFF, middle) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });
  it('jitters by ±20 % and never exceeds the cap', () => {
    expect(backoffDelayMs(1, DEFAULT_WEBHOOK_BACKOFF, () => 0)).toBe(24_000);
    expect(backoffDelayMs(1, DEFAULT_WEBHOOK_BACKOFF, () => 0.999_999)).toBe(36_000);
    expect(backoffDelayMs(20, DEFAULT_WEBHOOK_BACKOFF, () => 0.999_999)).toBe(3_600_000);
    expect(backoffDelayMs(20, DEFAULT_WEBHOOK_BACKOFF, () => 0)).toBe(2_880_000);
  });
});
