import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, AgentStatusSchema, PrintRequestSchema, PrintResultSchema } from '@eldercare/domain';
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
        response: { 200: PrintResultSchema, 400: AgentErrorSchema, 503: Type.Union([PrintResultSchema, AgentErrorSchema]) },
      },
    },
    async (request, reply) => {
      const result = await deps.print(request.body);
      return reply.code(result.state === 'printed' ? 200 : 503).send(result);
    },
  );

  app.post('/v1/session/release', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
    deps.releaseSession();
    return reply.code(204).send(null);
  });
};
