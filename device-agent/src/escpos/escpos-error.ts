import { DomainError } from '@eldercare/domain';

export type EscPosErrorCode = 'ESCPOS_INVALID_ARGUMENT' | 'ESCPOS_CONTROL_CHARACTER' | 'ESCPOS_QR_TOO_LONG';

/** A document or command that cannot be turned into ESC/POS bytes; a programming or input error, never a device fault. */
export class EscPosError extends DomainError {
  declare readonly code: EscPosErrorCode;
  constructor(code: EscPosErrorCode, message: string) {
    super(code, message);
  }
}
