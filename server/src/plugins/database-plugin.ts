import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { DatabaseOptions } from '../app-options';
import { PgliteDatabase } from '../db/pglite-database';
import { PostgresDatabase } from '../db/postgres-database';
import { runMigrations } from '../db/run-migrations';
import type { DatabaseKind, SqlDatabase } from '../db/sql-database';
import { join } from 'node:path';

declare module 'fastify' {
  interface FastifyInstance {
    db: SqlDatabase;
    databaseKind: DatabaseKind;
  }
}

/** PGlite keeps its files in a subfolder, so the data folder can also hold the key file. */
export const PGLITE_SUBDIR = 'pglite';

export async function openDatabase(options: DatabaseOptions): Promise<SqlDatabase> {
  if (options.kind === 'postgres') return PostgresDatabase.open(options.url);
  // PGLITE_TEMPLATE: set by the test suite (test/global-setup/pglite-template.ts), never needed in production.
  const template = process.env['PGLITE_TEMPLATE'] || undefined;
  return PgliteDatabase.open(options.dataDir === undefined ? undefined : join(options.dataDir, PGLITE_SUBDIR), { ...(template && { template }) });
}

/** Opens the database, brings its schema up to date, and closes it when the app closes. */
async function databasePlugin(app: FastifyInstance, options: { database: DatabaseOptions }): Promise<void> {
  const db = await openDatabase(options.database);
  try {
    const applied = await runMigrations(db);
    if (applied.length > 0) app.log.info({ applied }, 'database migrated');
  } catch (error) {
    await db.close();
    throw error;
  }
  app.decorate('db', db);
  app.decorate('databaseKind', options.database.kind);
  app.addHook('onClose', async () => {
    await db.close();
  });
}

export default fp(databasePlugin, { name: 'eldercare-database', fastify: '5.x' });
