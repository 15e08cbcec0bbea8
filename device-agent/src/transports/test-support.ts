import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Whether pseudo-terminal tests can run. Without socat they are skipped with a loud warning,
 * unless CI_STRICT=1, where they run anyway and fail.
 */
export function socatAvailable(): boolean {
  const found = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
  if (!found && process.env.CI_STRICT !== '1') {
    console.warn('\n!!! socat is not installed: pseudo-terminal tests are SKIPPED (apt-get install socat; CI_STRICT=1 makes this fail) !!!\n');
  }
  return found || process.env.CI_STRICT === '1';
}

let counter = 0;
/** A fresh path under the temp dir for a pty link. */
export function tempLinkPath(name: string): string {
  return join(tmpdir(), `eldercare-${process.pid}-${Date.now()}-${counter++}-${name}`);
}
