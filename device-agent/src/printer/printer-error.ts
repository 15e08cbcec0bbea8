import { DomainError } from '@eldercare/domain';

export type PrinterErrorCode =
  | 'PRINTER_PAPER_OUT'
  | 'PRINTER_COVER_OPEN'
  | 'PRINTER_OFFLINE'
  | 'PRINTER_STATUS_INVALID'
  /** No printer of the requested role is configured (POST /v1/print answers 404). */
  | 'PRINTER_NOT_CONFIGURED'
  /** The agent stopped while writing the job: it is not sent again (decision 0009). */
  | 'PRINTER_JOB_INTERRUPTED';

/** A printer fault or a reply that breaks the protocol; `code` is stable and goes into PrintResult. */
export class PrinterError extends DomainError {
  declare readonly code: PrinterErrorCode;
  constructor(code: PrinterErrorCode, message: string) {
    super(code, message);
  }
}
