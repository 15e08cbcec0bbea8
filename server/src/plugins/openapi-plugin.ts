import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The OpenAPI document, generated from the route schemas (so it cannot drift from what the
 * server validates), at /api/docs/json, with Swagger UI at /api/docs. Must be registered before
 * the routes it describes.
 */
async function openapiPlugin(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      // 3.1: the TypeBox schemas use `const`, which 3.0 does not know.
      openapi: '3.1.0',
      info: {
        title: 'Eldercare kiosk server (养老服务一件事)',
        description:
          'People lookup, eligibility and applications for the self-service kiosks of Shanghai community service centres. ' +
          'Errors are JSON { code, message, details? }; messages in Chinese unless Accept-Language prefers English.',
        version: '1',
      },
      tags: [
        { name: 'people', description: 'Identification by ID card' },
        { name: 'applications', description: 'Submitting and tracking applications' },
        { name: 'catalogue', description: 'The 12 services' },
        { name: 'kiosk', description: 'Kiosk pairing' },
        { name: 'queue', description: 'Queue tickets (取号), following one’s turn, a centre’s counters' },
        { name: 'operations', description: 'Health' },
        { name: 'staff', description: 'Staff login and sessions (window, admin, technician pages)' },
        { name: 'window', description: 'Window terminal: counters, calling (叫号), transfers, the ticket holder (audited)' },
        { name: 'admin', description: 'Supervisors and officers: a centre’s statistics' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

export default fp(openapiPlugin, { name: 'eldercare-openapi', fastify: '5.x' });
