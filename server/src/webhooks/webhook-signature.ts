import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed timestamp may be from the receiver's clock before the request is refused (replay window). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Lower-case hex HMAC-SHA256 of `${timestamp}.${body}`: the same scheme in both directions. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export type SignatureProblem = 'missing' | 'timestamp' | 'mismatch';

/**
 * Checks a signed request: the timestamp within the tolerance of `now` (so a captured request
 * cannot be replayed later) and the signature in constant time. Returns the problem, or null.
 */
export function checkWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  now: Date,
): SignatureProblem | null {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'timestamp';
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'mismatch';
}
