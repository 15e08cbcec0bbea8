import { DomainError } from '../errors';

/**
 * Why a scan was rejected. Stable codes: the agent sends them in `scan.rejected` events and the
 * i18n catalogue has a message for each (`scan.rejected.<code>`).
 */
export const SCAN_REJECT_CODES = [
  'SCAN_EMPTY',
  'SCAN_TOO_LONG',
  /** Control characters, invisible or bidi formatting characters, U+FFFD. */
  'SCAN_INVALID_CHARACTERS',
  /** The bytes were not valid UTF-8 (raised by the scanner driver, not by parseScanPayload). */
  'SCAN_INVALID_ENCODING',
  /** None of our formats: a shop barcode, a web link, someone else's code. */
  'SCAN_UNKNOWN_FORMAT',
  'SCAN_INVALID_APPLICATION_NO',
  'SCAN_INVALID_QUEUE_TICKET',
  /** A date field that is not a calendar date (or outside 2000–2099). */
  'SCAN_INVALID_DATE',
  /** One of our prefixes with a version this build does not know (e.g. ELQ2:). */
  'SCAN_UNSUPPORTED_VERSION',
  'SCAN_INVALID_PERSONAL_CODE',
] as const;
export type ScanRejectCode = (typeof SCAN_REJECT_CODES)[number];

/**
 * A scan that is not one of ours. The message never repeats the scanned text: it may be a
 * personal code.
 */
export class ScanRejectedError extends DomainError {
  declare readonly code: ScanRejectCode;
  constructor(code: ScanRejectCode, message: string) {
    super(code, message);
  }
}

/** An encoder was given a field that cannot be printed in our QR formats (a programming error). */
export class InvalidScanFieldError extends DomainError {
  constructor(message: string) {
    super('SCAN_FIELD_INVALID', message);
  }
}
