import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Compile } from 'typebox/compile';
import { SimulatorReadySchema, type SimulatorReady } from './control-schemas';
import { SimulatorControlClient } from './simulator-control-client';

const MAINS = {
  reader: fileURLToPath(new URL('../reader-simulator-main.ts', import.meta.url)),
  printer: fileURLToPath(new URL('../printer-simulator-main.ts', import.meta.url)),
} as const;
/** tsx is resolved from the repository root, wherever the parent runs. */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const checkReady = Compile(SimulatorReadySchema);

export interface SpawnSimulatorOptions {
  /** Where the device is served: a TCP port (0 = any) or a pseudo-terminal path (needs socat). */
  serve: { tcp: number; host?: string } | { pty: string };
  /** Control API port (default 0 = any free port). */
  controlPort?: number;
  /** More flags for the main, e.g. ['--card', 'li-xiuying'] or ['--quiet']. */
  args?: string[];
  /** Where the child's stderr (its human-readable log) goes; default: dropped. */
  log?: (chunk: string) => void;
  /** Give up waiting for the ready line after this long (default 20 s: tsx compiles first). */
  readyTimeoutMs?: number;
}

export interface SimulatorProcess {
  /** The device address for the agent, e.g. tcp:127.0.0.1:7500. */
  address: string;
  controlUrl: string;
  pid: number;
  child: ChildProcess;
  control: SimulatorControlClient;
  /** SIGTERM, then SIGKILL if it has not exited within 3 s. */
  stop(): Promise<void>;
}

/**
 * Starts a simulator main in its own process (node + tsx) and waits for its ready line. Its
 * stdin stays a pipe and it runs with --exit-with-stdin, so it also ends if this process dies.
 */
export async function spawnSimulator(device: 'reader' | 'printer', options: SpawnSimulatorOptions): Promise<SimulatorProcess> {
  const serve = 'pty' in options.serve ? ['--pty', options.serve.pty] : ['--tcp', `${options.serve.host ?? '127.0.0.1'}:${options.serve.tcp}`];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAINS[device], ...serve, '--control', String(options.controlPort ?? 0), '--exit-with-stdin', ...(options.args ?? [])],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (options.log) options.log(chunk);
    else stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const ready = await new Promise<SimulatorReady>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(`no ready line within ${options.readyTimeoutMs ?? 20_000} ms`), options.readyTimeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(out.slice(0, newline));
      } catch {
        parsed = undefined;
      }
      if (!checkReady.Check(parsed)) return fail(`unexpected first line: ${out.slice(0, newline)}`);
      cleanup();
      child.stdout!.resume(); // nothing else comes on stdout; keep it drained anyway
      resolve(parsed);
    };
    const onExit = (code: number | null) => fail(`exited with ${code}`);
    function cleanup(): void {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    }
    function fail(reason: string): void {
      cleanup();
      void stop();
      reject(new Error(`${device} simulator: ${reason}\n${stderr}`));
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  return { address: ready.address, controlUrl: ready.control, pid: ready.pid, child, control: new SimulatorControlClient(ready.control), stop };
}
