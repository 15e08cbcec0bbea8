import { describe, expect, it } from 'vitest';
import { InvalidIdNumberError, idNumberCheckDigit, isValidIdNumber, parseIdNumber } from './id-number';

describe('GB 11643 ID numbers', () => {
  it('computes the check character of published examples', () => {
    // The standard's own example (11010519491231002X) and a Shanghai-shaped one.
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
    // Worked by hand: weighted sum 196, 196 mod 11 = 9, and position 9 of 10X98765432 is 3.
    expect(idNumberCheckDigit('44052419800101001')).toBe('3');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('parses region, birth date and sex', () => {
    const parsed = parseIdNumber('11010519491231002x');
    expect(parsed).toEqual({
      idNumber: '11010519491231002X',
      regionCode: '110105',
      provinceCode: '11',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    const id = `3101051950060102${1}`;
    expect(parseIdNumber(id + idNumberCheckDigit(id)).sex).toBe('male');
    expect(parseIdNumber(id + idNumberCheckDigit(id)).provinceCode).toBe('31');
  });

  it.each([
    ['wrong check digit', '110105194912310021'],
    ['too short', '1101051949123100'],
    ['letters inside', '11010519491231A02X'],
    ['impossible date', '11010519490230002X'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(() => parseIdNumber(value)).toThrow(InvalidIdNumberError);
    expect(isValidIdNumber(value)).toBe(false);
  });

  it('rejects a real date with a wrong check digit, whatever the wrong digit', () => {
    const first17 = '31010419560315123';
    const good = idNumberCheckDigit(first17);
    for (const c of '0123456789X') {
      expect(isValidIdNumber(first17 + c)).toBe(c === good);
    }
  });
});
