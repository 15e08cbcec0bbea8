import { DomainError } from '@eldercare/domain';

export type ReaderErrorCode =
  // Status words (SW3) the SAM answers with.
  | 'READER_NO_CARD'
  | 'READER_SELECT_FAILED'
  | 'READER_CHECKSUM_ERROR'
  | 'READER_LENGTH_ERROR'
  | 'READER_BAD_COMMAND'
  | 'READER_READ_FAILED'
  | 'READER_NOT_PERMITTED'
  | 'READER_UNRECOGNISED_ERROR'
  | 'READER_CARD_AUTH_FAILED'
  | 'READER_SAM_AUTH_FAILED'
  | 'READER_INFO_VERIFY_FAILED'
  | 'READER_FINGERPRINT_VERIFY_FAILED'
  | 'READER_INFO_LENGTH_ERROR'
  | 'READER_UNKNOWN_CARD_TYPE'
  | 'READER_RANDOM_FAILED'
  | 'READER_SAM_NOT_AUTHORISED'
  | 'READER_SAM_SELF_TEST_FAILED'
  | 'READER_COMMS_FAULT'
  | 'READER_NO_CONTENT'
  | 'READER_UNKNOWN_STATUS'
  // Failures on our side of the wire.
  | 'READER_TIMEOUT'
  | 'READER_DISCONNECTED'
  | 'READER_FRAME_INVALID'
  | 'READER_REPLY_INVALID'
  // The card answered, but its content is not what a resident card holds.
  | 'CARD_TYPE_UNSUPPORTED'
  | 'CARD_TEXT_INVALID';

export class ReaderError extends DomainError {
  declare readonly code: ReaderErrorCode;

  constructor(
    code: ReaderErrorCode,
    message: string,
    /** The SW3 byte when the SAM reported the failure itself. */
    readonly sw3?: number,
  ) {
    super(code, message);
  }
}
