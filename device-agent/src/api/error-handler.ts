import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '@eldercare/domain';

/** Error codes that mean "the request was fine but the device side failed". */
const DEVICE_PREFIXES = ['PRINTER_', 'READER_', 'TRANSPORT_'];

/**
 * Every error becomes `{ code, message }` with the status that fits: bad input is a 4xx with a
 * stable code, never a 500. Messages never carry request bodies (personal data).
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if ('validation' in error && error.validation) {
      return reply.code(400).send({ code: 'INVALID_REQUEST', message: `Invalid ${error.validationContext ?? 'request'}: ${error.message}` });
    }
    if (error instanceof DomainError) {
      const device = DEVICE_PREFIXES.some((prefix) => error.code.startsWith(prefix));
      return reply.code(device ? 503 : 400).send({ code: error.code, message: error.message });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ code: normaliseCode(error.code), message: error.message });
    }
    request.log.error({ err: { type: error.name, code: error.code } }, 'request failed');
    return reply.code(500).send({ code: 'INTERNAL', message: 'The device agent failed unexpectedly' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: 'No such endpoint' }));
}

function normaliseCode(code: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'INVALID_JSON';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    default:
      return code?.replace(/^FST_ERR_/, '') ?? 'BAD_REQUEST';
  }
}
