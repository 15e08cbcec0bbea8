import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgentEvent } from '@eldercare/domain';
import type { AgentApiDeps } from './agent-api-deps';
import { checkHostAndOrigin, checkToken, type GuardDecision } from './request-guard';

export const EVENTS_PATH = '/v1/events';
const HEARTBEAT_MS = 30_000;

/**
 * GET /v1/events as a WebSocket of AgentEvent JSON frames. The upgrade is checked with the same
 * rules as HTTP requests (token in `?token=`, as browsers cannot set headers on a WebSocket).
 * A new client gets the current device status, never a card read before it connected.
 */
export const eventsSocketPlugin = fp<{ deps: AgentApiDeps }>(
  async (app: FastifyInstance, { deps }) => {
    const origins = new Set(deps.allowedOrigins);
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });

    app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://agent');
      if (url.pathname !== EVENTS_PATH) return refuse(socket, 404, 'NOT_FOUND', 'No such endpoint');
      const refused = checkHostAndOrigin(request.headers, origins) ?? checkToken(url.searchParams.get('token') ?? undefined, deps.pairingToken);
      if (refused) return refuse(socket, refused.status, refused.code, refused.message);
      wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
    });

    function serve(ws: WebSocket): void {
      const send = (event: AgentEvent) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      };
      send({ type: 'device.status', status: deps.status() });
      const unsubscribe = deps.subscribe(send);
      let alive = true;
      ws.on('pong', () => (alive = true));
      const heartbeat = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, HEARTBEAT_MS);
      heartbeat.unref();
      ws.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      ws.on('error', () => ws.terminate());
    }

    // Plain HTTP on the events path: tell the client it must upgrade.
    app.get(EVENTS_PATH, async (_request, reply) =>
      reply.code(426).header('Upgrade', 'websocket').send({ code: 'UPGRADE_REQUIRED', message: 'Connect with a WebSocket' }),
    );

    app.addHook('onClose', async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    });
  },
  { name: 'agent-events-socket', fastify: '5.x', dependencies: ['agent-security'] },
);

function refuse(socket: Duplex, status: GuardDecision['status'] | 404, code: string, message: string): void {
  const body = JSON.stringify({ code, message });
  const reason = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
