import { STAFF_PASSWORD_MIN_LENGTH } from '@eldercare/domain';
import { ApiError } from '../errors/api-error';

/** The staff login's typed errors. One answer for an unknown user and a wrong password. */

export class StaffLoginFailedError extends ApiError {
  constructor() {
    super('STAFF_LOGIN_FAILED', 401, 'Unknown username, wrong password or disabled account');
  }
}

export class StaffLoginThrottledError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('STAFF_LOGIN_THROTTLED', 429, 'Too many failed logins for this username or address');
  }
}

export class StaffSessionRequiredError extends ApiError {
  constructor() {
    super('STAFF_SESSION_REQUIRED', 401, 'No staff session, or it has expired');
  }
}

export class StaffRoleForbiddenError extends ApiError {
  constructor(readonly allowed: readonly string[]) {
    super('STAFF_ROLE_FORBIDDEN', 403, `Needs one of the roles: ${allowed.join(', ')}`);
  }
}

export class StaffPasswordTooShortError extends ApiError {
  constructor() {
    super('STAFF_PASSWORD_TOO_SHORT', 400, `A password needs at least ${STAFF_PASSWORD_MIN_LENGTH} characters`);
  }
}

export class StaffUserExistsError extends ApiError {
  constructor(username: string) {
    super('STAFF_USER_EXISTS', 409, `A staff user ${username} already exists`);
  }
}

export class StaffUserNotFoundError extends ApiError {
  constructor(username: string) {
    super('STAFF_USER_NOT_FOUND', 404, `No staff user ${username}`);
  }
}
