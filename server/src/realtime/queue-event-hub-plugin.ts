import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { QueueEventHub } from './queue-event-hub';

declare module 'fastify' {
  interface FastifyInstance {
    queueEventHub: QueueEventHub;
  }
}

/** Proxies drop idle connections after a minute or so; a comment line every 15 s keeps SSE open. */
export const HEARTBEAT_MS = 15_000;

/**
 * The instance's queue event hub: listens from start-up; at shutdown ends every stream first
 * (preClose, so the server can close its connections) and stops listening before the database
 * closes (onClose runs before the database plugin's, which was registered earlier).
 */
async function queueEventHubPlugin(app: FastifyInstance, options: { heartbeatMs?: number }): Promise<void> {
  const hub = new QueueEventHub(app.db, { onError: (error) => app.log.error({ err: error }, 'queue event delivery failed') });
  await hub.start();
  const heartbeat = setInterval(() => hub.heartbeat(), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  app.decorate('queueEventHub', hub);
  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    hub.endAll();
  });
  app.addHook('onClose', async () => {
    await hub.stop();
  });
}

export default fp(queueEventHubPlugin, {
  name: 'eldercare-queue-event-hub',
  fastify: '5.x',
  dependencies: ['eldercare-database'],
});
