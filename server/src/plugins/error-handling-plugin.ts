import { InvalidIdNumberError, type ErrorBody } from '@eldercare/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, type ErrorDetail } from '../errors/api-error';
import {
  IdempotencyKeyRequiredError,
  InvalidIdNumberApiError,
  InvalidJsonError,
  NotEligibleError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from '../errors/api-errors';
import { errorMessage } from '../http/error-message';
import { requestLocale } from '../http/request-locale';

const MAX_DETAILS = 20;

function validationDetails(error: FastifyError): ErrorDetail[] {
  const context = error.validationContext ?? 'body';
  const prefix = context === 'body' ? '' : `/${context}`;
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const v of error.validation ?? []) {
    const detail = { path: `${prefix}${v.instancePath}` || '/', message: v.message ?? 'is invalid' };
    const id = `${detail.path}\u0000${detail.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    details.push(detail);
    if (details.length === MAX_DETAILS) break;
  }
  return details;
}

/** Maps anything thrown while handling a request to a typed ApiError (or undefined: a bug). */
export function toApiError(error: FastifyError | Error): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidIdNumberError) return new InvalidIdNumberApiError(error.message);
  const e = error as FastifyError;
  if (e.validation) {
    if (e.validationContext === 'headers' && e.validation.some((v) => v.instancePath.startsWith('/idempotency-key') || JSON.stringify(v.params).includes('idempotency-key'))) {
      return new IdempotencyKeyRequiredError();
    }
    return new ValidationFailedError(validationDetails(e));
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new InvalidJsonError();
  }
  // JSON.parse and secure-json-parse (prototype poisoning) throw SyntaxError, marked 400 by Fastify.
  if (e instanceof SyntaxError && e.statusCode === 400) return new InvalidJsonError();
  if (e.statusCode === 404) return new NotFoundError();
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError('BAD_REQUEST', e.statusCode, e.message);
  }
  return undefined;
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody & Record<string, unknown>) {
  return reply.status(status).header('content-language', requestLocale(request.headers['accept-language'])).send(body);
}

/**
 * Every error is JSON ErrorBody with a stable code and a message in the request's language
 * (Chinese unless Accept-Language prefers English). Errors we did not anticipate become 500
 * INTERNAL; nothing about them but the code reaches the client.
 */
async function errorHandlingPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request.headers['accept-language']);
    const apiError = toApiError(error);
    if (!apiError || apiError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      const status = apiError?.statusCode ?? 500;
      const code = apiError && apiError.statusCode !== 500 ? apiError.code : 'INTERNAL';
      return send(request, reply, status, { code, message: errorMessage(locale, code) });
    }
    // Codes only: messages and details can quote the request, which may hold personal data.
    request.log.info({ code: apiError.code, statusCode: apiError.statusCode }, 'request refused');
    const body: ErrorBody & Record<string, unknown> = { code: apiError.code, message: errorMessage(locale, apiError.code) };
    if (apiError.details && apiError.details.length > 0) body.details = apiError.details;
    if (apiError instanceof NotEligibleError) {
      body.serviceKey = apiError.serviceKey;
      body.reasons = apiError.reasons;
      body.details = apiError.reasons.map((r) => ({ path: `/eligibility/${r.code}`, message: locale === 'en' ? r.text.en : r.text.zh }));
    }
    return send(request, reply, apiError.statusCode, body);
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request.headers['accept-language']);
    return send(request, reply, 404, { code: 'NOT_FOUND', message: errorMessage(locale, 'NOT_FOUND') });
  });
}

export default fp(errorHandlingPlugin, { name: 'eldercare-error-handling', fastify: '5.x' });
