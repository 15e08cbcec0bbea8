import { shanghaiDate } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DemoRegistrySeeder } from '../registry/demo-registry-seeder';
import { ResidentRegistry } from '../registry/resident-registry';

declare module 'fastify' {
  interface FastifyInstance {
    registry: ResidentRegistry;
    demoSeeder: DemoRegistrySeeder;
  }
}

/** The resident registry; seeds the demo residents at start-up unless told not to. */
async function registryPlugin(app: FastifyInstance, options: { seedDemoRegistry: boolean }): Promise<void> {
  const registry = new ResidentRegistry(app.protector);
  const seeder = new DemoRegistrySeeder(app.db, registry, options.seedDemoRegistry);
  const now = app.clock();
  await seeder.ensureSeeded(shanghaiDate(now), now);
  app.decorate('registry', registry);
  app.decorate('demoSeeder', seeder);
}

export default fp(registryPlugin, {
  name: 'eldercare-registry',
  fastify: '5.x',
  dependencies: ['eldercare-database', 'eldercare-data-protection', 'eldercare-clock'],
});
