import { DomainError } from '@eldercare/domain';

export type TransportErrorCode =
  | 'TRANSPORT_OPEN_FAILED'
  | 'TRANSPORT_UNAVAILABLE'
  | 'TRANSPORT_NOT_OPEN'
  | 'TRANSPORT_WRITE_FAILED';

/** Base of every transport failure: a stable code plus the address it concerns. */
export class TransportError extends DomainError {
  constructor(
    code: TransportErrorCode,
    readonly address: string,
    message: string,
    cause?: unknown,
  ) {
    super(code, message);
    if (cause !== undefined) this.cause = cause;
  }
}

/** The device exists in the address syntax but could not be opened (missing, busy, refused). */
export class TransportOpenFailedError extends TransportError {
  constructor(address: string, reason: string, cause?: unknown) {
    super('TRANSPORT_OPEN_FAILED', address, `Cannot open ${address}: ${reason}`, cause);
  }
}

/** The kind of transport cannot be used here at all (not implemented yet, package missing). */
export class TransportUnavailableError extends TransportError {
  constructor(address: string, reason: string, cause?: unknown) {
    super('TRANSPORT_UNAVAILABLE', address, `Transport for ${address} is unavailable: ${reason}`, cause);
  }
}

export class TransportNotOpenError extends TransportError {
  constructor(address: string) {
    super('TRANSPORT_NOT_OPEN', address, `Transport ${address} is not open`);
  }
}

export class TransportWriteFailedError extends TransportError {
  constructor(address: string, cause: unknown) {
    super('TRANSPORT_WRITE_FAILED', address, `Write to ${address} failed: ${describe(cause)}`, cause);
  }
}

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
