import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApplicationService } from '../applications/application-service';
import { ApplicationViews } from '../applications/application-views';
import { IdentifyService } from '../identify/identify-service';
import { IdentifyTokens } from '../identify/identify-tokens';

declare module 'fastify' {
  interface FastifyInstance {
    identifyService: IdentifyService;
    applicationService: ApplicationService;
  }
}

/** The kiosk's use cases, wired to the database, the key and the registry. */
async function servicesPlugin(app: FastifyInstance): Promise<void> {
  const tokens = new IdentifyTokens(app.protector);
  app.decorate('identifyService', new IdentifyService(app.db, app.registry, tokens, app.demoSeeder, app.clock));
  app.decorate(
    'applicationService',
    new ApplicationService(app.db, app.protector, app.registry, tokens, new ApplicationViews(app.protector), app.clock),
  );
}

export default fp(servicesPlugin, {
  name: 'eldercare-services',
  fastify: '5.x',
  dependencies: ['eldercare-database', 'eldercare-data-protection', 'eldercare-registry', 'eldercare-clock'],
});
