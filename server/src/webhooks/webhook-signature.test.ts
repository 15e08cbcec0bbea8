import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, signWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'a-shared-secret-of-at-least-32-characters';
  const now = new Date('2026-03-10T02:00:00Z');
  const ts = now.getTime() / 1000;
  const body = '{"eventId":"e-1"}';
  it('signs "timestamp.body" with HMAC-SHA256 in hex (a known vector)', () => {
    // printf '1773108000.{"eventId":"e-1"}' | openssl dgst -sha256 -hmac a-shared-secret-of-at-least-32-characters
    expect(signWebhook(secret, ts, body)).toBe('d774dde1c20446777c3e008e6b87b6cd6cd4c12bc6259f9590c87d7ad592c665');
    expect(checkWebhookSignature(secret, { timestamp: String(ts), signature: signWebhook(secret, ts, body) }, body, now)).toBeNull();
  });
  it('refuses a changed body, a missing header, and a timestamp more than 5 minutes off', () => {
    const signature = signWebhook(secret, ts, body);
    expect(checkWebhookSignature(secret, { timestamp: String(ts), signature }, `${body} `, now)).toBe('mismatch');
    expect(checkWebhookSignature(secret, { timestamp: String(ts), signature: undefined }, body, now)).toBe('missing');
    const old = ts - 301;
    expect(checkWebhookSignature(secret, { timestamp: String(old), signature: signWebhook(secret, old, body) }, body, now)).toBe('timestamp');
    expect(checkWebhookSignature(secret, { timestamp: String(ts), signature: 'zz' }, body, now)).toBe('mismatch');
  });
});
