import { spawn, type ChildProcess } from 'node:child_process';
import { DomainError } from '@eldercare/domain';

/** socat is not installed (or did not start): pseudo-terminal pairs are unavailable. */
export class PtyPairUnavailableError extends DomainError {
  constructor(message: string) {
    super('PTY_PAIR_UNAVAILABLE', message);
  }
}

export interface PtyPair {
  /** The path a driver opens, e.g. as `serial:/tmp/ttyIdReader`. */
  readonly agentPath: string;
  /** The path the simulator opens. */
  readonly simPath: string;
  /** Resolves when socat has exited (after close(), or on its own when a side is lost). */
  readonly exited: Promise<void>;
  close(): Promise<void>;
}

/**
 * Two linked pseudo-terminals made by socat, so that a real serial driver (serialport on a tty)
 * can talk to a simulator as if a device were plugged in:
 *   socat -d -d pty,raw,echo=0,link=<agent> pty,raw,echo=0,link=<sim>
 */
export async function createPtyPair(agentPath: string, simPath: string, options: { startTimeoutMs?: number } = {}): Promise<PtyPair> {
  const timeoutMs = options.startTimeoutMs ?? 5000;
  let child: ChildProcess;
  try {
    child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${agentPath}`, `pty,raw,echo=0,link=${simPath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (err) {
    throw new PtyPairUnavailableError(`cannot start socat: ${(err as Error).message}`);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(`socat did not start within ${timeoutMs} ms: ${log.trim()}`), timeoutMs);
    const onError = (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? 'socat is not installed (apt-get install socat)' : `socat failed: ${err.message}`);
    const onExit = (code: number | null) => fail(`socat exited with code ${code}: ${log.trim()}`);
    const onStderr = (text: string) => {
      log += text;
      // With -d -d socat reports this once both ptys (and their links) exist.
      if (!log.includes('starting data transfer loop')) return;
      done();
      child.stderr?.resume();
      child.on('error', () => {}); // after start, exit is what matters
      resolve();
    };
    function done(): void {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
      child.stderr?.off('data', onStderr);
    }
    function fail(message: string): void {
      done();
      child.kill();
      reject(new PtyPairUnavailableError(message));
    }
    child.on('error', onError);
    child.on('exit', onExit);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', onStderr);
  });
  return {
    agentPath,
    simPath,
    exited,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
