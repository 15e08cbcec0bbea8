import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { KioskAgentOptions } from '../app-options';
import { NotFoundError } from '../errors/api-errors';
import { errorResponses } from './error-responses';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Only a browser on this very machine may learn the agent's pairing token. A request relayed by
 * a reverse proxy on the same host also arrives from loopback, so any forwarding header counts
 * as "not local".
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  const remote = request.socket.remoteAddress;
  if (remote === undefined || !LOOPBACK.has(remote)) return false;
  const h = request.headers;
  return h['x-forwarded-for'] === undefined && h['forwarded'] === undefined && h['x-real-ip'] === undefined;
}

/** GET /kiosk/agent: how `npm start` pairs the kiosk page with the device agent beside it. */
export const kioskAgentRoutes: FastifyPluginAsyncTypebox<{ kioskAgent?: KioskAgentOptions }> = async (app, options) => {
  app.get(
    '/kiosk/agent',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'Address and pairing token of the co-located device agent (loopback only)',
        description: 'Answers only when the server was started with a kiosk agent and the request comes from 127.0.0.1/::1. Errors: 404 NOT_FOUND.',
        response: { 200: Type.Object({ url: Type.String(), token: Type.String() }), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      if (!options.kioskAgent || !isLocalRequest(request)) throw new NotFoundError();
      reply.header('cache-control', 'no-store');
      return { url: options.kioskAgent.url, token: options.kioskAgent.token };
    },
  );
};
