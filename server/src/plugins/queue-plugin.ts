import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { IdentifyTokens } from '../identify/identify-tokens';
import { seedDemoQueueCentre } from '../queue/demo-queue-centre';
import { QueueService } from '../queue/queue-service';

declare module 'fastify' {
  interface FastifyInstance {
    queueService: QueueService;
  }
}

/** Queue tickets; seeds the demo centre at start-up along with the demo registry. */
async function queuePlugin(app: FastifyInstance, options: { seedDemoCentre: boolean }): Promise<void> {
  if (options.seedDemoCentre) await seedDemoQueueCentre(app.db, app.clock());
  app.decorate('queueService', new QueueService(app.db, app.protector, app.registry, new IdentifyTokens(app.protector), app.clock));
}

export default fp(queuePlugin, {
  name: 'eldercare-queue',
  fastify: '5.x',
  dependencies: ['eldercare-database', 'eldercare-data-protection', 'eldercare-registry', 'eldercare-clock'],
});
