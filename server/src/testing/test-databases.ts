import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import type { DatabaseOptions } from '../app-options';

/**
 * The databases every database test runs on: PGlite in memory always, PostgreSQL when
 * TEST_DATABASE_URL is set. Each call of `create()` on PostgreSQL makes a fresh schema (dropped
 * after the file), so test files running in parallel never see each other's rows.
 */
export interface DatabaseTarget {
  kind: 'pglite' | 'postgres';
  create(): Promise<DatabaseOptions>;
}

/** A fixed key so that two apps (or a restart) in one test read each other's data. */
export const TEST_DATA_KEY = Buffer.alloc(32, 0x5a);

const pgliteTarget: DatabaseTarget = { kind: 'pglite', create: async () => ({ kind: 'pglite' }) };

function postgresTarget(baseUrl: string): DatabaseTarget {
  const schemas: string[] = [];
  afterAll(async () => {
    if (schemas.length === 0) return;
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  });
  return {
    kind: 'postgres',
    async create() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}`);
      } finally {
        await client.end();
      }
      schemas.push(schema);
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return { kind: 'postgres', url: url.toString() };
    },
  };
}

/** Whether PostgreSQL tests can run; warns loudly (or, with CI_STRICT=1, fails) when not. */
export function postgresUrl(): string | undefined {
  return process.env['TEST_DATABASE_URL'] || undefined;
}

function reportMissingPostgres(title: string): void {
  if (process.env['CI_STRICT'] === '1') {
    describe(`${title} [postgres]`, () => {
      it('needs TEST_DATABASE_URL (CI_STRICT=1 forbids skipping PostgreSQL tests)', () => {
        throw new Error('TEST_DATABASE_URL is not set but CI_STRICT=1: PostgreSQL tests must run');
      });
    });
  } else {
    console.warn(`\n⚠️  SKIPPED on PostgreSQL: "${title}" — set TEST_DATABASE_URL to run it (see server/README.md)\n`);
    describe.skip(`${title} [postgres]`, () => {
      it('needs TEST_DATABASE_URL', () => undefined);
    });
  }
}

/** Declares the same tests once per database target. */
export function describeOnEachDatabase(title: string, body: (target: DatabaseTarget) => void): void {
  describe(`${title} [pglite]`, () => body(pgliteTarget));
  describeOnPostgres(title, body);
}

/** Declares tests that only make sense on a PostgreSQL server (several instances on one database). */
export function describeOnPostgres(title: string, body: (target: DatabaseTarget) => void): void {
  const url = postgresUrl();
  if (!url) {
    reportMissingPostgres(title);
    return;
  }
  describe(`${title} [postgres]`, () => body(postgresTarget(url)));
}
