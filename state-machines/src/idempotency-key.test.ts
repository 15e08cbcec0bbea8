import { afterEach, describe, expect, it, vi } from 'vitest';
import { idempotencyKeyFor, newIdempotencyKey } from './idempotency-key';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('makes a version-4 UUID, a new one each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
  });

  it('builds the UUID from getRandomValues where randomUUID is missing (plain http on a LAN address)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends Uint8Array>(array: T) => real.getRandomValues(array) });
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it('refuses to make a key without Web Crypto', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => newIdempotencyKey()).toThrow(/Web Crypto/);
  });
});

describe('idempotencyKeyFor', () => {
  it('reuses the key of the same answers and makes a new one for different answers', () => {
    let n = 0;
    const generate = () => `key-${++n}`;
    const first = idempotencyKeyFor({}, { channel: 'senior-card' }, generate);
    expect(first.key).toBe('key-1');
    const again = idempotencyKeyFor(first.keys, { channel: 'senior-card' }, generate);
    expect(again.key).toBe('key-1');
    expect(again.keys).toBe(first.keys);
    const other = idempotencyKeyFor(again.keys, { channel: 'social-security-card' }, generate);
    expect(other.key).toBe('key-2');
    const back = idempotencyKeyFor(other.keys, { channel: 'senior-card' }, generate);
    expect(back.key).toBe('key-1');
  });
});
