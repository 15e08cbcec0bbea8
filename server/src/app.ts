import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppOptions } from './app-options';
import { typeBoxValidatorCompiler } from './http/typebox-validator-compiler';
import clockPlugin from './plugins/clock-plugin';
import dataProtectionPlugin from './plugins/data-protection-plugin';
import databasePlugin from './plugins/database-plugin';
import errorHandlingPlugin from './plugins/error-handling-plugin';
import openapiPlugin from './plugins/openapi-plugin';
import queuePlugin from './plugins/queue-plugin';
import queueEventHubPlugin from './realtime/queue-event-hub-plugin';
import registryPlugin from './plugins/registry-plugin';
import servicesPlugin from './plugins/services-plugin';
import staffAuthPlugin from './plugins/staff-auth-plugin';
import { uiPlugin } from './plugins/ui-plugin';
import { apiRoutes } from './routes/api-routes';
import webhooksPlugin from './webhooks/webhooks-plugin';

/** Cards and forms are a few hundred bytes; anything near this is not a kiosk talking. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Personal data must never reach a log: requests are logged as method, path (no query string)
 * and remote address only, never headers or bodies, and any field that slips into a log object
 * under a personal name is censored.
 */
export function loggerOptions(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const safe = {
    level: 'info',
    redact: {
      paths: [
        'req.headers',
        'req.body',
        'res.headers',
        'body',
        'card',
        'idNumber',
        'phone',
        'address',
        'password',
        '*.card',
        '*.idNumber',
        '*.name',
        '*.phone',
        '*.address',
        '*.password',
        '*.identifyToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return typeof logger === 'object' ? { ...safe, ...logger } : safe;
}

/**
 * The whole server as a plugin tree: shared services are named fastify-plugins (database, key,
 * registry, use cases) that declare their dependencies and close what they open; routes sit
 * under /api/v1. `main.ts` only starts it; tests `inject` into it.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT_BYTES,
    // The kiosk sends JSON only; a text/plain body is a wrong content type (415), not a string.
    // (Fastify registers a text/plain parser by default; it is removed below.)
    return503OnClosing: true,
    // Starting PGlite (WASM) and migrating takes seconds on a small kiosk PC; Fastify's default is 10 s.
    pluginTimeout: 120_000,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(typeBoxValidatorCompiler);

  try {
    await app.register(errorHandlingPlugin);
    await app.register(clockPlugin, { clock: options.clock });
    await app.register(databasePlugin, { database: options.database });
    await app.register(dataProtectionPlugin, { dataKey: options.dataKey, database: options.database });
    await app.register(registryPlugin, { seedDemoRegistry: options.seedDemoRegistry ?? true });
    await app.register(servicesPlugin, { rideHailing: options.rideHailing });
    await app.register(queuePlugin, { seedDemoCentre: options.seedDemoRegistry ?? true });
    await app.register(queueEventHubPlugin);
    await app.register(staffAuthPlugin, options.staff ?? {});
    await app.register(webhooksPlugin, options.webhooks ?? {});
    await app.register(openapiPlugin);
    await app.register(apiRoutes, { prefix: '/api/v1', kioskAgent: options.kioskAgent });
    if (options.uiDir) await app.register(uiPlugin, { uiDir: options.uiDir });
    await app.ready();
  } catch (error) {
    // Whatever opened before the failure (the database) is closed again.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
