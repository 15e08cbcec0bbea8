import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApplicationService } from '../applications/application-service';
import { ApplicationViews } from '../applications/application-views';
import { appliers } from '../applications/appliers';
import { taxiHailingApplier } from '../applications/services/taxi-hailing';
import { IdentifyService } from '../identify/identify-service';
import { IdentifyTokens } from '../identify/identify-tokens';
import { RideHailingClient, type RideHailingClientOptions } from '../taxi/ride-hailing-client';

declare module 'fastify' {
  interface FastifyInstance {
    identifyService: IdentifyService;
    applicationService: ApplicationService;
  }
}

/** The kiosk's use cases, wired to the database, the key and the registry. */
async function servicesPlugin(app: FastifyInstance, options: { rideHailing?: RideHailingClientOptions | undefined }): Promise<void> {
  const tokens = new IdentifyTokens(app.protector);
  app.decorate('identifyService', new IdentifyService(app.db, app.registry, tokens, app.demoSeeder, app.clock));
  const applicationService = new ApplicationService(app.db, app.protector, app.registry, tokens, new ApplicationViews(app.protector), app.clock, {
    ...appliers,
    // The taxi books through the configured platform; the default map's applier has none.
    'taxi-hailing': taxiHailingApplier(options.rideHailing ? new RideHailingClient(options.rideHailing) : null),
  });
  // A taxi that could not be cancelled after a failed submission needs a person: it goes in the log.
  applicationService.onUndoFailed = (error) => app.log.error({ err: error }, 'application rollback: an undo failed (e.g. a taxi booking not cancelled)');
  app.decorate('applicationService', applicationService);
}

export default fp(servicesPlugin, {
  name: 'eldercare-services',
  fastify: '5.x',
  dependencies: ['eldercare-database', 'eldercare-data-protection', 'eldercare-registry', 'eldercare-clock'],
});
