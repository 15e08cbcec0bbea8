import { describe, expect, it } from 'vitest';
import { RETRYABLE_READ_SW3, Sw3, describeSw3 } from './ga467-status';

describe('describeSw3', () => {
  it.each([
    [0x23, 'READER_NOT_PERMITTED'],
    [0x24, 'READER_UNRECOGNISED_ERROR'],
    [0x31, 'READER_CARD_AUTH_FAILED'],
    [0x32, 'READER_SAM_AUTH_FAILED'],
    [0x33, 'READER_INFO_VERIFY_FAILED'],
    [0x37, 'READER_FINGERPRINT_VERIFY_FAILED'],
    [0x3f, 'READER_INFO_LENGTH_ERROR'],
    [0x40, 'READER_UNKNOWN_CARD_TYPE'],
    [0x41, 'READER_READ_FAILED'],
    [0x47, 'READER_RANDOM_FAILED'],
    [0x60, 'READER_SAM_SELF_TEST_FAILED'],
    [0x66, 'READER_SAM_NOT_AUTHORISED'],
    [0x80, 'READER_NO_CARD'],
    [0x81, 'READER_SELECT_FAILED'],
  ])('maps %s to %s', (sw3, code) => {
    expect(describeSw3(sw3).code).toBe(code);
  });

  it('names an unknown status by its hex value', () => {
    expect(describeSw3(0x5c)).toEqual({ code: 'READER_UNKNOWN_STATUS', text: 'unknown status 0x5C' });
  });

  it('retries only what a settling card causes', () => {
    expect([...RETRYABLE_READ_SW3].sort()).toEqual([Sw3.CARD_AUTH_FAILED, Sw3.SAM_AUTH_FAILED, Sw3.INFO_VERIFY_FAILED, Sw3.READ_FAILED].sort());
  });
});
