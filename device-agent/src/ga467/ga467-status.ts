import type { ReaderErrorCode } from './reader-error';

/**
 * SW3, the SAM's status byte in every reply (GA 467; see ARCHITECTURE.md "Device facts"). The
 * 2x, 3x, 4x and 66 meanings follow the status tables published with vendor SDKs.
 */
export const Sw3 = {
  OK: 0x90,
  CARD_FOUND: 0x9f,
  /** The card holds nothing for this item, e.g. no extra address (追加住址) was ever written. */
  NO_CONTENT: 0x91,
  NO_CARD: 0x80,
  SELECT_FAILED: 0x81,
  CHECKSUM_ERROR: 0x10,
  LENGTH_ERROR: 0x11,
  BAD_COMMAND: 0x21,
  NOT_PERMITTED: 0x23,
  UNRECOGNISED_ERROR: 0x24,
  /** The card did not accept the SAM (证/卡认证机具失败). */
  CARD_AUTH_FAILED: 0x31,
  /** The SAM did not accept the card (机具认证证/卡失败). */
  SAM_AUTH_FAILED: 0x32,
  INFO_VERIFY_FAILED: 0x33,
  FINGERPRINT_VERIFY_FAILED: 0x37,
  INFO_LENGTH_ERROR: 0x3f,
  UNKNOWN_CARD_TYPE: 0x40,
  READ_FAILED: 0x41,
  RANDOM_FAILED: 0x47,
  SAM_SELF_TEST_FAILED: 0x60,
  SAM_NOT_AUTHORISED: 0x66,
  COMMS_FAULT: 0xff,
} as const;

/**
 * Failures of one read that a second try often cures: the card was still settling in the field
 * or moved during the mutual authentication (31, 32, 33) or the read itself (41).
 */
export const RETRYABLE_READ_SW3: readonly number[] = [Sw3.CARD_AUTH_FAILED, Sw3.SAM_AUTH_FAILED, Sw3.INFO_VERIFY_FAILED, Sw3.READ_FAILED];

const MEANINGS: Record<number, { code: ReaderErrorCode; text: string }> = {
  [Sw3.NO_CONTENT]: { code: 'READER_NO_CONTENT', text: 'the card holds no such item' },
  [Sw3.NO_CARD]: { code: 'READER_NO_CARD', text: 'no card found' },
  [Sw3.SELECT_FAILED]: { code: 'READER_SELECT_FAILED', text: 'selecting the card failed' },
  [Sw3.CHECKSUM_ERROR]: { code: 'READER_CHECKSUM_ERROR', text: 'the SAM received a frame with a bad checksum' },
  [Sw3.LENGTH_ERROR]: { code: 'READER_LENGTH_ERROR', text: 'the SAM received a frame with a bad length' },
  [Sw3.BAD_COMMAND]: { code: 'READER_BAD_COMMAND', text: 'the SAM does not accept this command' },
  [Sw3.NOT_PERMITTED]: { code: 'READER_NOT_PERMITTED', text: 'the SAM refused an operation beyond its rights' },
  [Sw3.UNRECOGNISED_ERROR]: { code: 'READER_UNRECOGNISED_ERROR', text: 'the SAM reports an error it cannot name' },
  [Sw3.CARD_AUTH_FAILED]: { code: 'READER_CARD_AUTH_FAILED', text: 'the card did not authenticate the SAM' },
  [Sw3.SAM_AUTH_FAILED]: { code: 'READER_SAM_AUTH_FAILED', text: 'the SAM did not authenticate the card' },
  [Sw3.INFO_VERIFY_FAILED]: { code: 'READER_INFO_VERIFY_FAILED', text: 'the card data failed verification' },
  [Sw3.FINGERPRINT_VERIFY_FAILED]: { code: 'READER_FINGERPRINT_VERIFY_FAILED', text: 'the fingerprint data failed verification' },
  [Sw3.INFO_LENGTH_ERROR]: { code: 'READER_INFO_LENGTH_ERROR', text: 'the card data has a wrong length' },
  [Sw3.UNKNOWN_CARD_TYPE]: { code: 'READER_UNKNOWN_CARD_TYPE', text: 'the SAM does not know this type of card' },
  [Sw3.READ_FAILED]: { code: 'READER_READ_FAILED', text: 'reading the card failed' },
  [Sw3.RANDOM_FAILED]: { code: 'READER_RANDOM_FAILED', text: 'the card could not produce a random number' },
  [Sw3.SAM_SELF_TEST_FAILED]: { code: 'READER_SAM_SELF_TEST_FAILED', text: 'the SAM self-test failed' },
  [Sw3.SAM_NOT_AUTHORISED]: { code: 'READER_SAM_NOT_AUTHORISED', text: 'the SAM is not authorised for use' },
  [Sw3.COMMS_FAULT]: { code: 'READER_COMMS_FAULT', text: 'the SAM reports a communication fault' },
};

/** The error code and a human description for a non-success SW3. */
export function describeSw3(sw3: number): { code: ReaderErrorCode; text: string } {
  return MEANINGS[sw3] ?? { code: 'READER_UNKNOWN_STATUS', text: `unknown status 0x${hex(sw3)}` };
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
