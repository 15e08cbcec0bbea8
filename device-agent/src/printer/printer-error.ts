import { DomainError } from '@eldercare/domain';

export type PrinterErrorCode = 'PRINTER_PAPER_OUT' | 'PRINTER_COVER_OPEN' | 'PRINTER_OFFLINE' | 'PRINTER_STATUS_INVALID';

/** A printer fault or a reply that breaks the protocol; `code` is stable and goes into PrintResult. */
export class PrinterError extends DomainError {
  declare readonly code: PrinterErrorCode;
  constructor(code: PrinterErrorCode, message: string) {
    super(code, message);
  }
}
