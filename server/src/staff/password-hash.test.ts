import { describe, expect, it } from 'vitest';
import { CURRENT_SCRYPT_PARAMS, checkPasswordRules, hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password-hash';
import { StaffPasswordTooShortError } from './staff-errors';

describe('staff password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, with the parameters stored beside the hash', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    const parsed = parsePasswordHash(stored)!;
    expect(parsed.params).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.key).toHaveLength(64);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(stored).not.toContain('correct');
  });

  it('salts every hash, so one password never gives the same hash twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password 1'), hashPassword('same password 1')]);
    expect(a).not.toBe(b);
  });

  it('verifies hashes made with other parameters, and asks for a re-hash when they are weaker', async () => {
    const weak = await hashPassword('an older password', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('an older password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('a current password'))).toBe(false);
    expect(CURRENT_SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
  });

  it('refuses passwords under 10 characters with a typed error', async () => {
    expect(() => checkPasswordRules('123456789')).toThrow(StaffPasswordTooShortError);
    await expect(hashPassword('short')).rejects.toMatchObject({ code: 'STAFF_PASSWORD_TOO_SHORT' });
    expect(() => checkPasswordRules('十个汉字的密码也可以用')).not.toThrow();
  });

  it('treats a malformed stored hash as a wrong password', async () => {
    expect(await verifyPassword('whatever password', 'plain-text')).toBe(false);
    expect(await verifyPassword('whatever password', 'scrypt$x$8$1$AAAA$BBBB')).toBe(false);
  });
});
