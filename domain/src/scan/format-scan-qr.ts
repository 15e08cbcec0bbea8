import type { ScanPayload } from '../contracts/agent-api';
import { PERSONAL_CODE_PREFIX, QUEUE_TICKET_PREFIX, parseScanPayload } from './parse-scan-payload';
import { InvalidScanFieldError, ScanRejectedError } from './scan-errors';

/**
 * Encoders for the QR text our documents print (formats: parse-scan-payload.ts). Each one checks
 * its output with the parser, so whatever is printed is also accepted when scanned.
 */

/** Receipts print the bare application number, e.g. YL20261122000123. */
export function formatApplicationNoQr(applicationNo: string): string {
  return checked(applicationNo, 'application', 'application number');
}

export interface QueueTicketQrFields {
  centreId: string;
  /** Shanghai date, YYYY-MM-DD. */
  date: string;
  /** e.g. A012 */
  ticketNo: string;
}

/** ELQ1:<centreId>:<yyyymmdd>:<ticketNo>, e.g. ELQ1:CN-XINJING:20261122:A012. */
export function formatQueueTicketQr(fields: QueueTicketQrFields): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.date)) throw new InvalidScanFieldError('The ticket date must be YYYY-MM-DD');
  const text = `${QUEUE_TICKET_PREFIX}${fields.centreId}:${fields.date.replaceAll('-', '')}:${fields.ticketNo}`;
  return checked(text, 'queue-ticket', 'queue ticket');
}

/** SSM:<token>; for simulators and tests: real personal codes come from the person's phone. */
export function formatPersonalCodeQr(token: string): string {
  return checked(`${PERSONAL_CODE_PREFIX}${token}`, 'suishenma', 'personal code');
}

/**
 * What may be written to a log about a scan: the kind and, for our own documents, the number.
 * A personal code is reduced to its kind.
 */
export function describeScanForLog(scan: ScanPayload): string {
  switch (scan.kind) {
    case 'application':
      return `application ${scan.applicationNo}`;
    case 'queue-ticket':
      return `queue-ticket ${scan.centreId} ${scan.date} ${scan.ticketNo}`;
    case 'suishenma':
      return 'suishenma (personal code, not logged)';
  }
}

function checked(text: string, kind: ScanPayload['kind'], what: string): string {
  try {
    if (parseScanPayload(text).kind === kind) return text;
  } catch (err) {
    if (err instanceof ScanRejectedError) throw new InvalidScanFieldError(`Not a valid ${what}: ${err.message}`);
    throw err;
  }
  throw new InvalidScanFieldError(`Not a valid ${what}`);
}
