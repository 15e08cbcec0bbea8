import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, AgentStatusSchema, PrintRequestSchema, PrintResultSchema, type PrintResult } from '@eldercare/domain';
import { Type } from 'typebox';
import type { AgentApiDeps } from './agent-api-deps';

/** The kiosk-facing routes of domain/src/contracts/agent-api.ts (the WebSocket lives in events-socket.ts). */
export const agentRoutes: FastifyPluginAsyncTypebox<{ deps: AgentApiDeps }> = async (app, { deps }) => {
  app.get('/v1/status', { schema: { response: { 200: AgentStatusSchema } } }, async () => deps.status());

  app.post(
    '/v1/print',
    {
      schema: {
        body: PrintRequestSchema,
        response: {
          200: PrintResultSchema,
          202: PrintResultSchema,
          400: AgentErrorSchema,
          404: PrintResultSchema,
          503: Type.Union([PrintResultSchema, AgentErrorSchema]),
        },
      },
    },
    async (request, reply) => {
      const result = await deps.print(request.body);
      return reply.code(printStatusCode(result)).send(result);
    },
  );

  app.post('/v1/session/release', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
    deps.releaseSession();
    return reply.code(204).send(null);
  });
};

/**
 * printed → 200. held → 202: the job is safe in the durable queue and prints by itself once the
 * printer is fixed, so it is not an error. failed → 503 (the printer side), or 404 when no
 * printer of that role is configured (PRINTER_NOT_CONFIGURED).
 */
export function printStatusCode(result: PrintResult): 200 | 202 | 404 | 503 {
  if (result.state === 'printed') return 200;
  if (result.state === 'held') return 202;
  return result.code === 'PRINTER_NOT_CONFIGURED' ? 404 : 503;
}
