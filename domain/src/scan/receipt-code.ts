import { InvalidScanFieldError } from './scan-errors';

/**
 * The receipt's QR: the application number, '-', and 10 check characters, e.g.
 * YL20261122000123-7KQ2M9XWHD. Application numbers are sequential and easy to guess, so the
 * progress of an application is shown for a scanned receipt only when the check characters are
 * the server's HMAC of the number (50 bits; the server holds the key, the domain only encodes).
 * All characters are in the QR alphanumeric mode; the alphabet is Crockford's base32 (no I, L,
 * O, U), so a code read out by a person cannot mix up 0/O or 1/I.
 */
export const RECEIPT_CHECK_LENGTH = 10;
export const RECEIPT_CHECK_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CODE_PATTERN = /^(YL\d{14})-([0-9A-HJKMNP-TV-Z]{10})$/;

/** The receipt code of an application number, from the server's MAC of it (≥ 7 bytes are used). */
export function formatReceiptCode(applicationNo: string, mac: Uint8Array): string {
  if (!/^YL\d{14}$/.test(applicationNo)) throw new InvalidScanFieldError('Not an application number');
  if (mac.length < 7) throw new InvalidScanFieldError('The receipt check needs at least 7 bytes of MAC');
  let bits = 0;
  let value = 0;
  let check = '';
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && check.length < RECEIPT_CHECK_LENGTH) {
      bits -= 5;
      check += RECEIPT_CHECK_ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
    if (check.length === RECEIPT_CHECK_LENGTH) break;
  }
  return `${applicationNo}-${check}`;
}

/** The application number and check of a receipt code, or null when it is not one. */
export function parseReceiptCode(code: string): { applicationNo: string; check: string } | null {
  const m = RECEIPT_CODE_PATTERN.exec(code);
  return m ? { applicationNo: m[1]!, check: m[2]! } : null;
}
