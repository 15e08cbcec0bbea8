import type { ScanPayload } from '../contracts/agent-api';
import { isValidIsoDate } from '../time/local-date';
import { parseReceiptCode } from './receipt-code';
import { ScanRejectedError } from './scan-errors';

/**
 * What our QR codes and barcodes contain, and how a scanned string is checked before anything
 * acts on it. All three formats are printable ASCII, and the two we print fit the QR
 * alphanumeric mode (digits, A–Z, `:` and `-`), which keeps the codes small:
 *
 *   application number  YL20261122000123   YL + Shanghai date (yyyymmdd) + 6-digit daily sequence
 *                                          (000001–999999); receipts printed before the check
 *                                          code print it bare
 *   receipt code        YL20261122000123-7KQ2M9XWHD   the number, '-', 10 check characters
 *                                          (receipt-code.ts); parsed as an application with
 *                                          `receiptCode` set to the whole text
 *   queue ticket        ELQ1:<centreId>:<yyyymmdd>:<ticketNo>   e.g. ELQ1:CN-XINJING:20261122:A012
 *                       centreId 1–32 of A–Z a–z 0–9 -; ticketNo 1–2 capital letters + 3–4 digits;
 *                       the digit after ELQ is the format version (only 1 exists)
 *   personal code       SSM:<token>   token 16–256 characters of base64url (A–Z a–z 0–9 _ -), or
 *   (随申码-style)       https://<host>/<path>[?query] on a host the kiosk is configured to trust;
 *                       opaque: the server resolves it, nobody shows or logs it
 */
export const MAX_SCAN_LENGTH = 512;

export const APPLICATION_NO_PATTERN = /^YL(\d{8})(\d{6})$/;
export const QUEUE_TICKET_PREFIX = 'ELQ1:';
export const CENTRE_ID_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
export const TICKET_NO_PATTERN = /^[A-Z]{1,2}\d{3,4}$/;
export const PERSONAL_CODE_PREFIX = 'SSM:';
export const PERSONAL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

export interface ParseScanOptions {
  /**
   * Hosts whose https links are personal codes (e.g. a 随申办 code host). Empty by default, so a
   * link is an unknown format unless the kiosk is configured to trust its host.
   */
  personalCodeHosts?: readonly string[];
}

/**
 * C0/C1 controls and DEL, U+FFFD (what a failed decode leaves behind), zero-width and bidi
 * formatting characters (they make two different codes look alike), line/paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffd]/;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Validates a scanned string and says which of our codes it is. Throws ScanRejectedError with a
 * stable code otherwise. The input is taken as is: the scanner driver has already removed the
 * CR/LF/Enter that ends a scan, and nothing is trimmed or case-folded here.
 */
export function parseScanPayload(text: string, options: ParseScanOptions = {}): ScanPayload {
  if (text.length === 0) throw new ScanRejectedError('SCAN_EMPTY', 'The scan is empty');
  if (text.length > MAX_SCAN_LENGTH) {
    throw new ScanRejectedError('SCAN_TOO_LONG', `The scan has ${text.length} characters; at most ${MAX_SCAN_LENGTH} are accepted`);
  }
  if (FORBIDDEN_CHARACTERS.test(text)) {
    throw new ScanRejectedError('SCAN_INVALID_CHARACTERS', 'The scan contains control, invisible or replacement characters');
  }
  if (/^YL\d/.test(text)) return parseApplicationNo(text);
  if (/^ELQ\d+:/.test(text)) return parseQueueTicket(text);
  if (text.startsWith(PERSONAL_CODE_PREFIX)) return parsePersonalToken(text.slice(PERSONAL_CODE_PREFIX.length));
  const link = personalCodeLink(text, options.personalCodeHosts ?? []);
  if (link) return link;
  throw new ScanRejectedError('SCAN_UNKNOWN_FORMAT', 'The scan is none of our codes');
}

function parseApplicationNo(text: string): ScanPayload {
  // A receipt printed since the check code exists: YL… + '-' + 10 check characters.
  const dash = text.indexOf('-');
  if (dash !== -1) {
    const receipt = parseReceiptCode(text);
    if (!receipt) throw new ScanRejectedError('SCAN_INVALID_APPLICATION_NO', 'A receipt code is an application number, - and 10 check characters');
    return { kind: 'application', applicationNo: checkedApplicationNo(receipt.applicationNo), receiptCode: text };
  }
  return { kind: 'application', applicationNo: checkedApplicationNo(text) };
}

function checkedApplicationNo(text: string): string {
  const m = APPLICATION_NO_PATTERN.exec(text);
  if (!m) throw new ScanRejectedError('SCAN_INVALID_APPLICATION_NO', 'An application number is YL, 8 date digits and 6 sequence digits');
  checkDate(m[1]!);
  if (m[2] === '000000') throw new ScanRejectedError('SCAN_INVALID_APPLICATION_NO', 'Application sequence numbers start at 000001');
  return text;
}

function parseQueueTicket(text: string): ScanPayload {
  if (!text.startsWith(QUEUE_TICKET_PREFIX)) {
    throw new ScanRejectedError('SCAN_UNSUPPORTED_VERSION', 'Only version 1 queue tickets (ELQ1:) are understood');
  }
  const fields = text.slice(QUEUE_TICKET_PREFIX.length).split(':');
  const [centreId, yyyymmdd, ticketNo] = fields;
  if (fields.length !== 3 || !centreId || !yyyymmdd || !ticketNo) {
    throw new ScanRejectedError('SCAN_INVALID_QUEUE_TICKET', 'A queue ticket is ELQ1:<centreId>:<yyyymmdd>:<ticketNo>');
  }
  if (!CENTRE_ID_PATTERN.test(centreId)) throw new ScanRejectedError('SCAN_INVALID_QUEUE_TICKET', 'The centre id is malformed');
  if (!/^\d{8}$/.test(yyyymmdd)) throw new ScanRejectedError('SCAN_INVALID_QUEUE_TICKET', 'The ticket date must be 8 digits');
  const date = checkDate(yyyymmdd);
  if (!TICKET_NO_PATTERN.test(ticketNo)) throw new ScanRejectedError('SCAN_INVALID_QUEUE_TICKET', 'The ticket number is malformed');
  return { kind: 'queue-ticket', centreId, date, ticketNo };
}

function parsePersonalToken(token: string): ScanPayload {
  if (!PERSONAL_TOKEN_PATTERN.test(token)) {
    throw new ScanRejectedError('SCAN_INVALID_PERSONAL_CODE', 'A personal code token is 16–256 base64url characters');
  }
  return { kind: 'suishenma', token };
}

const LINK = /^([a-z]+):\/\/([^/?#]*)(.*)$/i;

/** Parsed by hand: the domain has no URL global in every runtime it is typechecked for. */
function personalCodeLink(text: string, hosts: readonly string[]): ScanPayload | undefined {
  const m = hosts.length > 0 ? LINK.exec(text) : null;
  if (!m || !/^https?$/i.test(m[1]!)) return undefined;
  const authority = m[2]!;
  const host = authority.replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase();
  if (!hosts.some((h) => h.toLowerCase() === host)) return undefined;
  // A trusted host, but it must be a plain https link with something opaque after the host.
  const rest = m[3]!;
  const plain = m[1] === 'https' && authority.toLowerCase() === host && /^[/?]/.test(rest) && rest.length > 1 && !rest.includes('#');
  if (!plain || !PRINTABLE_ASCII.test(text)) {
    throw new ScanRejectedError('SCAN_INVALID_PERSONAL_CODE', 'A personal code link must be a plain https link on the configured host');
  }
  return { kind: 'suishenma', token: text };
}

/** yyyymmdd → YYYY-MM-DD, a calendar date in 2000–2099. */
function checkDate(yyyymmdd: string): string {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!yyyymmdd.startsWith('20') || !isValidIsoDate(iso)) {
    throw new ScanRejectedError('SCAN_INVALID_DATE', 'The date in the code is not a calendar date in 2000–2099');
  }
  return iso;
}
