import Fastify, { type FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { AgentApiDeps } from './agent-api-deps';
import { agentRoutes } from './agent-routes';
import { installErrorHandlers } from './error-handler';
import { eventsSocketPlugin } from './events-socket';
import { securityPlugin } from './security-plugin';
import { simRoutes } from './sim-routes';
import { techRoutes, type TechDeps } from './tech-routes';

export interface BuildAgentAppOptions {
  /** Request logs (method, path without query, status, time); never headers or bodies. */
  logger?: boolean;
  /** The technician routes (/v1/tech/*); absent, they are not registered. */
  tech?: TechDeps;
}

/** The agent's loopback API as a fastify app; startAgent only binds it. */
export function buildAgentApp(deps: AgentApiDeps, options: BuildAgentAppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          serializers: {
            // The query may hold the token (?token= on the events path).
            req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 256 * 1024,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // Accept an empty JSON body (e.g. a release POST sent with a JSON content type).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });
  installErrorHandlers(app);
  void app.register(securityPlugin, { pairingToken: deps.pairingToken, allowedOrigins: deps.allowedOrigins });
  void app.register(eventsSocketPlugin, { deps });
  void app.register(agentRoutes, { deps });
  void app.register(simRoutes, { deps });
  if (options.tech) void app.register(techRoutes, { tech: options.tech });
  return app;
}
