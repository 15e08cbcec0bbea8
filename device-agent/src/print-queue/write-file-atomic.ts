import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/**
 * Replaces a file so that after a crash it holds either the old or the new content, never a
 * mix: write a temporary file, fsync it, rename it over the target, fsync the folder (so the
 * rename itself is on disk). Leftover `*.tmp` files are a crash's only trace.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${++counter}.tmp`;
  const file = await open(tmp, 'w', 0o600);
  try {
    await file.writeFile(data, 'utf8');
    await file.sync();
  } catch (err) {
    await file.close();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await file.close();
  await rename(tmp, path);
  await syncDirectory(dirname(path));
}

export async function syncDirectory(dir: string): Promise<void> {
  // Some platforms cannot open or fsync a folder; the rename is then as durable as the OS makes it.
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // ignored, see above
  } finally {
    await handle.close();
  }
}
