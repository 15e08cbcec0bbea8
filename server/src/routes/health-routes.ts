import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DatabaseUnavailableError } from '../errors/api-errors';
import { errorResponses } from './error-responses';

const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});

/** GET /health: the process answers and so does its database. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        description: 'Errors: 503 DATABASE_UNAVAILABLE.',
        response: { 200: HealthSchema, ...errorResponses(503) },
      },
    },
    async () => {
      try {
        await app.db.query('SELECT 1');
      } catch {
        throw new DatabaseUnavailableError();
      }
      return { status: 'ok' as const, database: app.databaseKind };
    },
  );
};
