import type { EligibilityView } from '@eldercare/domain';
import { ApiError, type ErrorDetail } from './api-error';

/**
 * The typed errors of the API, one class per code. Status codes are part of the public surface
 * (see server/README.md).
 */

export class ValidationFailedError extends ApiError {
  constructor(details: ErrorDetail[]) {
    super('VALIDATION_FAILED', 400, 'The request does not match the schema', details);
  }
}

export class InvalidJsonError extends ApiError {
  constructor() {
    super('INVALID_JSON', 400, 'The request body is not valid JSON');
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor() {
    super('UNSUPPORTED_MEDIA_TYPE', 415, 'Only application/json is accepted');
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor() {
    super('PAYLOAD_TOO_LARGE', 413, 'The request body is too large');
  }
}

export class NotFoundError extends ApiError {
  constructor(what = 'resource') {
    super('NOT_FOUND', 404, `No such ${what}`);
  }
}

export class InvalidIdNumberApiError extends ApiError {
  constructor(reason: string) {
    super('INVALID_ID_NUMBER', 400, reason, [{ path: '/card/idNumber', message: reason }]);
  }
}

export class CardExpiredError extends ApiError {
  constructor(validTo: string) {
    super('CARD_EXPIRED', 400, `The card expired on ${validTo}`);
  }
}

/** 401: the kiosk should ask for the card again. */
export class IdentifyTokenInvalidError extends ApiError {
  constructor() {
    super('IDENTIFY_TOKEN_INVALID', 401, 'The identify token is unknown or expired');
  }
}

/** 403: the server's own eligibility check refused; `reasons` say why. */
export class NotEligibleError extends ApiError {
  constructor(
    readonly serviceKey: string,
    readonly reasons: EligibilityView['reasons'],
  ) {
    super('NOT_ELIGIBLE', 403, `Not eligible for ${serviceKey}`);
  }
}

export class AlreadyChosenError extends ApiError {
  constructor() {
    super('ALREADY_CHOSEN', 409, 'The chosen allowance channel is already the current one');
  }
}

export class IdempotencyKeyRequiredError extends ApiError {
  constructor() {
    super('IDEMPOTENCY_KEY_REQUIRED', 400, 'Header Idempotency-Key is required: 1–128 visible ASCII characters', [
      { path: '/headers/idempotency-key', message: 'required: 1–128 visible ASCII characters' },
    ]);
  }
}

export class IdempotencyKeyReusedError extends ApiError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 422, 'The Idempotency-Key was already used with a different request body');
  }
}

export class DatabaseUnavailableError extends ApiError {
  constructor() {
    super('DATABASE_UNAVAILABLE', 503, 'The database does not answer');
  }
}
