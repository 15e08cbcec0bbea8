import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppOptions } from '../app-options';
import { DataKeyError, DataProtector } from '../crypto/data-protector';
import { loadOrCreateKeyFile } from '../crypto/resolve-data-key';

declare module 'fastify' {
  interface FastifyInstance {
    protector: DataProtector;
  }
}

async function resolveKey(options: Pick<AppOptions, 'dataKey' | 'database'>): Promise<Buffer> {
  if (options.dataKey) return options.dataKey;
  const db = options.database;
  if (db.kind === 'postgres') {
    throw new DataKeyError('PostgreSQL needs a data key: set DATA_KEY (32 bytes, base64) or the dataKey option');
  }
  // In memory the data dies with the process, and so may the key.
  return db.dataDir === undefined ? randomBytes(32) : loadOrCreateKeyFile(db.dataDir);
}

/**
 * The key for personal data at rest. The first start records a known ciphertext; every later
 * start checks it, so a wrong key stops the server instead of writing unreadable rows.
 */
async function dataProtectionPlugin(app: FastifyInstance, options: Pick<AppOptions, 'dataKey' | 'database'>): Promise<void> {
  const protector = new DataProtector(await resolveKey(options));
  await app.db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO data_key_check (id, ciphertext, created_at) VALUES (1, $1, now()) ON CONFLICT (id) DO NOTHING',
      [protector.keyCheckCiphertext()],
    );
    const [row] = await tx.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM data_key_check WHERE id = 1');
    if (!row || !protector.matchesKeyCheck(row.ciphertext)) {
      throw new DataKeyError('The data key does not match the one this database was written with');
    }
  });
  app.decorate('protector', protector);
}

export default fp(dataProtectionPlugin, {
  name: 'eldercare-data-protection',
  fastify: '5.x',
  dependencies: ['eldercare-database'],
});
