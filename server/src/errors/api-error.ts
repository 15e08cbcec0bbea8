/** One problem in a request, as it appears in ErrorBody.details. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * Base class of every error the API answers with: a stable code (the key of its message in the
 * domain i18n catalogue, `error.<CODE>`), the HTTP status that fits, and optional details. The
 * `message` is for logs and developers; people get the translated text.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
