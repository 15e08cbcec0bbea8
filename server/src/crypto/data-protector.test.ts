import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataKeyError, DataProtector } from './data-protector';
import { DATA_KEY_FILE, loadOrCreateKeyFile, parseDataKey } from './resolve-data-key';

const key = Buffer.alloc(32, 3);

describe('DataProtector', () => {
  const p = new DataProtector(key);

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = p.encrypt('310105195901282125', 'resident.id-number');
    const b = p.encrypt('310105195901282125', 'resident.id-number');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('utf8')).not.toContain('310105');
    expect(p.decrypt(a, 'resident.id-number')).toBe('310105195901282125');
    expect(p.decrypt(p.encrypt('欧阳明月', 'resident.name'), 'resident.name')).toBe('欧阳明月');
  });

  it('refuses a ciphertext moved to another field, tampered with, or read with another key', () => {
    const c = p.encrypt('13812345678', 'resident.phone');
    expect(() => p.decrypt(c, 'application.phone')).toThrow(DataKeyError);
    const tampered = Buffer.from(c);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => p.decrypt(tampered, 'resident.phone')).toThrow(DataKeyError);
    expect(() => new DataProtector(Buffer.alloc(32, 4)).decrypt(c, 'resident.phone')).toThrow(DataKeyError);
    expect(() => p.decrypt(Buffer.from([1, 2, 3]), 'resident.phone')).toThrow(DataKeyError);
  });

  it('the blind index is deterministic, key-dependent and not the plain value', () => {
    const i1 = p.idNumberIndex('310105195901282125');
    expect(i1.equals(p.idNumberIndex('310105195901282125'))).toBe(true);
    expect(i1.equals(p.idNumberIndex('310105195901282126'))).toBe(false);
    expect(i1.equals(new DataProtector(Buffer.alloc(32, 4)).idNumberIndex('310105195901282125'))).toBe(false);
    expect(i1).toHaveLength(32);
  });

  it('checks the key it was started with', () => {
    const check = p.keyCheckCiphertext();
    expect(p.matchesKeyCheck(check)).toBe(true);
    expect(new DataProtector(Buffer.alloc(32, 9)).matchesKeyCheck(check)).toBe(false);
  });

  it('wants exactly 32 bytes', () => {
    expect(() => new DataProtector(Buffer.alloc(16))).toThrow(DataKeyError);
    expect(() => parseDataKey(Buffer.alloc(31).toString('base64'))).toThrow(DataKeyError);
    expect(parseDataKey(key.toString('base64')).equals(key)).toBe(true);
  });
});

describe('key file', () => {
  it('is created once with mode 0600 and read back afterwards, also by racing starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eldercare-key-'));
    try {
      const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateKeyFile(join(dir, 'data'))));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
      const file = join(dir, 'data', DATA_KEY_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(parseDataKey(await readFile(file, 'utf8')).equals(keys[0]!)).toBe(true);
      expect((await loadOrCreateKeyFile(join(dir, 'data'))).equals(keys[0]!)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
