/**
 * Idempotency keys for POST /api/v1/applications.
 *
 * `crypto.randomUUID()` exists only in secure contexts (https, or http on localhost); a kiosk UI
 * served from the server over plain http on a LAN address would not have it, while
 * `crypto.getRandomValues()` exists everywhere. So a version-4 UUID is built from random bytes
 * when `randomUUID` is missing.
 */
interface WebCrypto {
  randomUUID?: () => string;
  getRandomValues?: <T extends Uint8Array>(array: T) => T;
}

export function newIdempotencyKey(): string {
  const webCrypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new Error('No Web Crypto in this environment: cannot make an idempotency key');
  }
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Keys already used in this flow, by the canonical JSON of the answers they were made for. */
export type IdempotencyKeys = Readonly<Record<string, string>>;

/**
 * The key for a confirmed submission of `answers`: the one already used for the same answers in
 * this flow if any (so a retry, or going back and confirming the same answers again, can never
 * create a second application when an earlier response was lost), otherwise a new one. Returns
 * the key and the updated key map.
 */
export function idempotencyKeyFor(
  keys: IdempotencyKeys,
  answers: object,
  generate: () => string = newIdempotencyKey,
): { key: string; keys: IdempotencyKeys } {
  const answersKey = JSON.stringify(answers);
  const existing = keys[answersKey];
  if (existing !== undefined) return { key: existing, keys };
  const key = generate();
  return { key, keys: { ...keys, [answersKey]: key } };
}
