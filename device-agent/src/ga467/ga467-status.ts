import type { ReaderErrorCode } from './reader-error';

/** SW3, the SAM's status byte in every reply (GA 467; see ARCHITECTURE.md "Device facts"). */
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
  READ_FAILED: 0x41,
  SAM_SELF_TEST_FAILED: 0x60,
  COMMS_FAULT: 0xff,
} as const;

const MEANINGS: Record<number, { code: ReaderErrorCode; text: string }> = {
  [Sw3.NO_CONTENT]: { code: 'READER_NO_CONTENT', text: 'the card holds no such item' },
  [Sw3.NO_CARD]: { code: 'READER_NO_CARD', text: 'no card found' },
  [Sw3.SELECT_FAILED]: { code: 'READER_SELECT_FAILED', text: 'selecting the card failed' },
  [Sw3.CHECKSUM_ERROR]: { code: 'READER_CHECKSUM_ERROR', text: 'the SAM received a frame with a bad checksum' },
  [Sw3.LENGTH_ERROR]: { code: 'READER_LENGTH_ERROR', text: 'the SAM received a frame with a bad length' },
  [Sw3.BAD_COMMAND]: { code: 'READER_BAD_COMMAND', text: 'the SAM does not accept this command' },
  [Sw3.READ_FAILED]: { code: 'READER_READ_FAILED', text: 'reading the card failed' },
  [Sw3.SAM_SELF_TEST_FAILED]: { code: 'READER_SAM_SELF_TEST_FAILED', text: 'the SAM self-test failed' },
  [Sw3.COMMS_FAULT]: { code: 'READER_COMMS_FAULT', text: 'the SAM reports a communication fault' },
};

/** The error code and a human description for a non-success SW3. */
export function describeSw3(sw3: number): { code: ReaderErrorCode; text: string } {
  return MEANINGS[sw3] ?? { code: 'READER_UNKNOWN_STATUS', text: `unknown status 0x${hex(sw3)}` };
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
