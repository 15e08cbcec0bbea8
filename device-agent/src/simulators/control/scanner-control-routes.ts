import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ScannerSimulator } from '../scanner-simulator';
import { ControlErrorSchema } from './control-schemas';

const WriteOptions = {
  terminator: Type.Optional(Type.Union([Type.Literal('cr'), Type.Literal('crlf'), Type.Literal('lf'), Type.Literal('none')])),
  chunkSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 4096 })),
  gapMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
};
const ScanBodySchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4096 }), ...WriteOptions }, { additionalProperties: false });
const GarbageBodySchema = Type.Object({ hex: Type.String({ pattern: '^([0-9a-fA-F]{2})+$', maxLength: 8192 }), ...WriteOptions }, { additionalProperties: false });

/**
 *   POST /scan    { text, terminator?, chunkSize?, gapMs? } scans text (the agent decodes it)
 *   POST /garbage { hex, chunkSize?, gapMs? } sends raw bytes
 * 409 SCANNER_NOT_ATTACHED while nothing reads the scanner yet (a FIFO nobody opened). The text
 * may be a personal code: it is never logged.
 */
export const scannerControlRoutes: FastifyPluginAsyncTypebox<{ scanner: ScannerSimulator }> = async (app, { scanner }) => {
  const response = { 204: Type.Null(), 409: ControlErrorSchema };
  /** Writes, or says why it could not: nothing reads the scanner yet. */
  const attempt = (write: () => Promise<void>): Promise<Error | undefined> => write().then(() => undefined, (err: Error) => err);

  app.post('/scan', { schema: { body: ScanBodySchema, response } }, async (request, reply) => {
    const { text, ...options } = request.body;
    const err = await attempt(() => scanner.scan(text, options));
    return err ? reply.code(409).send({ code: 'SCANNER_NOT_ATTACHED', message: err.message }) : reply.code(204).send(null);
  });

  app.post('/garbage', { schema: { body: GarbageBodySchema, response } }, async (request, reply) => {
    const { hex, ...options } = request.body;
    const err = await attempt(() => scanner.garbage(Buffer.from(hex, 'hex'), options));
    return err ? reply.code(409).send({ code: 'SCANNER_NOT_ATTACHED', message: err.message }) : reply.code(204).send(null);
  });
};
