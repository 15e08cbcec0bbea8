import type { PrinterState } from '@eldercare/domain';
import { PrinterError, type PrinterErrorCode } from './printer-error';

/**
 * DLE EOT n (`10 04 n`) real-time status: the printer answers one byte. Every valid reply has
 * bit 0 = 0, bit 1 = 1, bit 4 = 1 and bit 7 = 0, which is how a status byte is told from noise.
 */
export const STATUS_PRINTER = 1;
export const STATUS_OFFLINE_CAUSE = 2;
export const STATUS_ERROR = 3;
export const STATUS_PAPER_SENSOR = 4;

const FIXED_MASK = 0b1001_0011;
const FIXED_BITS = 0b0001_0010;

export function statusQuery(n: number): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

export function isValidStatusByte(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & FIXED_MASK) === FIXED_BITS;
}

function checked(byte: number, what: string): number {
  if (!isValidStatusByte(byte)) {
    throw new PrinterError('PRINTER_STATUS_INVALID', `Not a ${what} status byte: 0x${byte.toString(16).padStart(2, '0')}`);
  }
  return byte;
}

/** n = 1, printer status: bit 3 offline. */
export function decodePrinterStatus(byte: number): { offline: boolean } {
  return { offline: (checked(byte, 'printer') & 0x08) !== 0 };
}

/** n = 2, offline cause: bit 2 cover open, bit 3 feed button, bit 5 stopped at paper end, bit 6 error. */
export function decodeOfflineCause(byte: number): { coverOpen: boolean; feedButton: boolean; stoppedAtPaperEnd: boolean; error: boolean } {
  const b = checked(byte, 'offline cause');
  return { coverOpen: (b & 0x04) !== 0, feedButton: (b & 0x08) !== 0, stoppedAtPaperEnd: (b & 0x20) !== 0, error: (b & 0x40) !== 0 };
}

/** n = 4, roll paper sensor: bits 2–3 paper near end, bits 5–6 paper end (a sensor may set only one of each pair). */
export function decodePaperSensor(byte: number): { nearEnd: boolean; paperEnd: boolean } {
  const b = checked(byte, 'paper sensor');
  return { nearEnd: (b & 0x0c) !== 0, paperEnd: (b & 0x60) !== 0 };
}

/** The three replies of one status poll; null where the printer did not answer. */
export interface RawPrinterStatus {
  printer: number | null;
  offlineCause: number | null;
  paperSensor: number | null;
}

/**
 * One state from the three replies. No answer to n = 1 means offline. A cover open outranks
 * paper out: paper is changed with the cover open, and closing it is what staff must do next.
 */
export function printerStateFromStatus(raw: RawPrinterStatus): PrinterState {
  if (raw.printer === null) return 'offline';
  const printer = decodePrinterStatus(raw.printer);
  const cause = raw.offlineCause === null ? null : decodeOfflineCause(raw.offlineCause);
  const paper = raw.paperSensor === null ? null : decodePaperSensor(raw.paperSensor);
  if (cause?.coverOpen) return 'cover-open';
  if (paper?.paperEnd || cause?.stoppedAtPaperEnd) return 'paper-out';
  if (printer.offline) return 'offline';
  if (paper?.nearEnd) return 'paper-near-end';
  return 'ready';
}

/** The failure code for a state the printer cannot print in, or null when it can print. */
export function faultCode(state: PrinterState): PrinterErrorCode | null {
  switch (state) {
    case 'paper-out':
      return 'PRINTER_PAPER_OUT';
    case 'cover-open':
      return 'PRINTER_COVER_OPEN';
    case 'offline':
      return 'PRINTER_OFFLINE';
    case 'ready':
    case 'paper-near-end':
      return null;
  }
}

/** What a printer's sensors see; `stopped` = it cannot print (offline bit of n = 1). */
export interface PrinterConditions {
  paper: 'ok' | 'near-end' | 'out';
  coverOpen: boolean;
  /** An error that stops printing other than paper or cover (n = 2 bit 6), e.g. a cutter jam. */
  error?: boolean;
}

/** The byte a printer with these conditions answers to DLE EOT n (1–4), or null for another n. */
export function statusReplyFor(conditions: PrinterConditions, n: number): number | null {
  const paperOut = conditions.paper === 'out';
  const error = conditions.error === true;
  switch (n) {
    case STATUS_PRINTER:
      return FIXED_BITS | (paperOut || conditions.coverOpen || error ? 0x08 : 0);
    case STATUS_OFFLINE_CAUSE:
      return FIXED_BITS | (conditions.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (error ? 0x40 : 0);
    case STATUS_ERROR:
      return FIXED_BITS;
    case STATUS_PAPER_SENSOR:
      // With the roll empty the near-end sensor sees no paper either.
      return FIXED_BITS | (conditions.paper === 'ok' ? 0 : 0x0c) | (paperOut ? 0x60 : 0);
    default:
      return null;
  }
}

/**
 * The byte a printer in `state` answers to DLE EOT n, or null when it answers nothing (offline:
 * unpowered or unplugged). A printer with paper out or cover open is offline but still answers.
 */
export function statusReply(state: PrinterState, n: number): number | null {
  if (state === 'offline') return null;
  return statusReplyFor(
    { paper: state === 'paper-out' ? 'out' : state === 'paper-near-end' ? 'near-end' : 'ok', coverOpen: state === 'cover-open' },
    n,
  );
}
