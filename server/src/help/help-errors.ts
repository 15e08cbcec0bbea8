import { ApiError } from '../errors/api-error';

/** The typed errors of closing a help request; each code has its message in the i18n catalogue. */

export class HelpRequestNotFoundError extends ApiError {
  constructor(id: number) {
    super('HELP_REQUEST_NOT_FOUND', 404, `No help request ${id}`);
  }
}

export class HelpRequestAlreadyResolvedError extends ApiError {
  constructor(id: number, resolvedBy: string | null) {
    super('HELP_REQUEST_ALREADY_RESOLVED', 409, `Help request ${id} was already marked resolved${resolvedBy ? ` by ${resolvedBy}` : ''}`);
  }
}
