import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The current instant. Injected so tests control time; nothing else calls `new Date()`. */
    clock: () => Date;
  }
}

async function clockPlugin(app: FastifyInstance, options: { clock?: () => Date }): Promise<void> {
  app.decorate('clock', options.clock ?? (() => new Date()));
}

export default fp(clockPlugin, { name: 'eldercare-clock', fastify: '5.x' });
