import fp from 'fastify-plugin';
import { bearerToken, checkHostAndOrigin, checkToken } from './request-guard';

export interface SecurityOptions {
  pairingToken: string;
  allowedOrigins: readonly string[];
}

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type';

/**
 * Host/Origin/token checks and CORS for every request. Preflights (which browsers send without
 * credentials) are answered here for allowed origins, including Chrome's Private Network Access
 * preflight for a public page calling loopback.
 */
export const securityPlugin = fp<SecurityOptions>(
  async (app, options) => {
    const origins = new Set(options.allowedOrigins);
    app.addHook('onRequest', async (request, reply) => {
      const refused = checkHostAndOrigin(request.headers, origins);
      if (refused) return reply.code(refused.status).send({ code: refused.code, message: refused.message });
      const origin = request.headers.origin;
      if (origin !== undefined) {
        reply.header('Access-Control-Allow-Origin', origin);
        reply.header('Vary', 'Origin');
      }
      if (request.method === 'OPTIONS' && origin !== undefined && request.headers['access-control-request-method']) {
        reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
        reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        reply.header('Access-Control-Max-Age', '600');
        if (request.headers['access-control-request-private-network'] === 'true') {
          reply.header('Access-Control-Allow-Private-Network', 'true');
        }
        return reply.code(204).send();
      }
      const unauthorized = checkToken(bearerToken(request.headers), options.pairingToken);
      if (unauthorized) {
        reply.header('WWW-Authenticate', 'Bearer');
        return reply.code(unauthorized.status).send({ code: unauthorized.code, message: unauthorized.message });
      }
    });
    // Preflights must reach the hook above even for paths with no OPTIONS route.
    app.options('/*', async (_request, reply) => reply.code(204).send());
  },
  { name: 'agent-security', fastify: '5.x' },
);
