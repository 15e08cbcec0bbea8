import { timingSafeEqual } from 'node:crypto';
import { formatReceiptCode, parseReceiptCode } from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';

/**
 * The code a receipt's QR holds: the application number and 10 characters of the server's HMAC
 * of it (domain scan/receipt-code.ts). Whoever holds the receipt may see that application's
 * progress; guessing a code for another number means guessing 50 bits.
 */
export function receiptCodeFor(protector: DataProtector, applicationNo: string): string {
  return formatReceiptCode(applicationNo, protector.receiptCodeMac(applicationNo));
}

/**
 * The application number of a genuine receipt code, or null. The check is compared in constant
 * time, so the time a wrong guess takes says nothing about how many characters were right.
 */
export function verifyReceiptCode(protector: DataProtector, code: string): string | null {
  const parsed = parseReceiptCode(code);
  if (!parsed) return null;
  const expected = Buffer.from(receiptCodeFor(protector, parsed.applicationNo), 'ascii');
  const given = Buffer.from(code, 'ascii');
  return expected.length === given.length && timingSafeEqual(expected, given) ? parsed.applicationNo : null;
}
