import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PgliteDatabase } from '../../server/src/db/pglite-database';

/**
 * Vitest global set-up: every PGlite database the tests open is new, and PGlite's initdb costs
 * 4–6 s of WASM time each — minutes over the suite. One fresh cluster is dumped per PGlite
 * version into the temp folder and every new test database starts from it (PGLITE_TEMPLATE,
 * read by the server's database plugin); migrations still run each time. The npm-start test
 * removes the variable, so a real first start (initdb) stays covered.
 */
export default async function setup(): Promise<void> {
  const serverRequire = createRequire(resolve(import.meta.dirname, '../../server/package.json'));
  let dir = dirname(serverRequire.resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const file = join(tmpdir(), `eldercare-pglite-template-${version}.tar`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, await PgliteDatabase.freshClusterTarball());
    renameSync(partial, file);
  }
  process.env['PGLITE_TEMPLATE'] = file;
}
