import { ApiError } from '../errors/api-error';
import type { SignatureProblem } from './webhook-signature';

export class WebhookSubscriptionNotFoundError extends ApiError {
  constructor(department: string) {
    super('WEBHOOK_SUBSCRIPTION_NOT_FOUND', 404, `No webhook subscription for ${department}`);
  }
}

/** 400: the URL is not one webhooks may go to (webhook-url-policy.ts says why). */
export class WebhookUrlNotAllowedError extends ApiError {
  constructor(reason: string) {
    super('WEBHOOK_URL_NOT_ALLOWED', 400, `Webhooks may not be sent to this URL: ${reason}`, [{ path: '/body/url', message: reason }]);
  }
}

/** A new subscription needs its secret; an update may leave it out to keep the stored one. */
export class WebhookSecretRequiredError extends ApiError {
  constructor() {
    super('WEBHOOK_SECRET_REQUIRED', 400, 'A new subscription needs a secret', [{ path: '/body/secret', message: 'required' }]);
  }
}

/** 401: missing signature headers, a timestamp outside the window, or a wrong signature. */
export class WebhookSignatureInvalidError extends ApiError {
  constructor(problem: SignatureProblem | 'no-subscription') {
    super('WEBHOOK_SIGNATURE_INVALID', 401, `The request's signature does not verify (${problem})`);
  }
}

/** 403: the department's subscription does not take its parts over (or is paused). */
export class WebhookTakeoverOffError extends ApiError {
  constructor(department: string) {
    super('WEBHOOK_TAKEOVER_OFF', 403, `${department} has not taken its parts over`);
  }
}

/** 404: no such part of this department, or it is not handled externally. */
export class ExternalPartNotFoundError extends ApiError {
  constructor() {
    super('EXTERNAL_PART_NOT_FOUND', 404, 'No such part handled externally by this department');
  }
}
