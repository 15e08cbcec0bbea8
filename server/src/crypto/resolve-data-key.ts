import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataKeyError } from './data-protector';

export const DATA_KEY_FILE = 'data-key';

/** Parses a base64 key (the `DATA_KEY` environment variable). */
export function parseDataKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new DataKeyError('DATA_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  return key;
}

/**
 * The key file beside an embedded database: created once with mode 0600, read on every later
 * start. Written to a temporary file and linked into place, so two processes starting together
 * can neither write different keys nor read a half-written one.
 */
export async function loadOrCreateKeyFile(dataDir: string): Promise<Buffer> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, DATA_KEY_FILE);
  const temp = join(dataDir, `.${DATA_KEY_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  return parseDataKey(await readFile(path, 'utf8'));
}
