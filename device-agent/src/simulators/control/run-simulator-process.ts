import { createInterface, type Interface } from 'node:readline';
import type { ParseArgsConfig } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { isLoopback } from '../../agent/agent-config';
import { buildControlApp, type ControlledDevice } from './build-control-app';
import type { SimulatorReady } from './control-schemas';
import { loadSimulatorScript, runSimulatorScript } from './simulator-script';
import { SimulatorEndpoint, type EndpointSpec } from './simulator-endpoint';

/** Flags every simulator process takes. */
export const COMMON_SIMULATOR_OPTIONS = {
  pty: { type: 'string' },
  tcp: { type: 'string' },
  /** The older spelling of --tcp (tcp:<host>:<port>). */
  listen: { type: 'string' },
  control: { type: 'string', default: '0' },
  'control-host': { type: 'string', default: '127.0.0.1' },
  script: { type: 'string' },
  /** Exit when stdin ends: a parent that spawns us with a pipe takes us down when it dies. */
  'exit-with-stdin': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_SIMULATOR_USAGE = `  --tcp [host:]port      serve on a TCP port (default host 127.0.0.1; port 0 = any free port)
  --pty <path>           serve on a pseudo-terminal; the agent opens serial:<path> (needs socat)
  --control <port>       loopback HTTP control API (default 0 = any free port)
  --script <file.json>   timed control requests: {"steps":[{"atMs":1000,"method":"PUT","path":"/faults","body":[…]}]}
  --exit-with-stdin      exit when stdin closes (for parent processes)
Prints one JSON line on stdout when ready: {"ready":true,"device",…,"address","control","pid"}.
Human-readable logs go to stderr.`;

export class SimulatorUsageError extends Error {
  readonly code = 'SIM_USAGE';
}

export interface CommonSimulatorFlags {
  pty?: string | undefined;
  tcp?: string | undefined;
  listen?: string | undefined;
  control?: string | undefined;
  'control-host'?: string | undefined;
  script?: string | undefined;
  'exit-with-stdin'?: boolean | undefined;
}

export function endpointSpec(flags: Pick<CommonSimulatorFlags, 'pty' | 'tcp' | 'listen'>): EndpointSpec {
  const given = [flags.pty, flags.tcp, flags.listen].filter((v) => v !== undefined);
  if (given.length !== 1) throw new SimulatorUsageError('give exactly one of --tcp [host:]port or --pty <path>');
  if (flags.pty !== undefined) return { kind: 'pty', path: flags.pty };
  const raw = (flags.tcp ?? flags.listen)!;
  if (/^\d+$/.test(raw)) return { kind: 'tcp', host: '127.0.0.1', port: Number(raw) };
  // Port 0 (any free port) is fine here, unlike in a device address.
  const match = /^(?:tcp:)?(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(raw);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new SimulatorUsageError(`--tcp takes [host:]port or tcp:host:port, not ${raw}`);
  return { kind: 'tcp', host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

export interface SimulatorProcessSetup {
  name: string;
  device: ControlledDevice;
  flags: CommonSimulatorFlags;
  /** Closes the simulator itself (after the endpoint and the control API). */
  close(): Promise<void>;
  /** Called once everything serves (e.g. place an initial card); gets the stdin lines when wanted. */
  onReady?(log: (line: string) => void): void;
  onStdinLine?(line: string, log: (line: string) => void): void;
}

/**
 * The shared life of a simulator process: serve the device on its endpoint, start the control
 * API on loopback, play a script, print the ready line, and close cleanly on SIGINT/SIGTERM (or
 * when stdin ends, if asked).
 */
export async function runSimulatorProcess(setup: SimulatorProcessSetup): Promise<void> {
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  const fail = (message: string): never => {
    log(`${setup.name}: ${message}`);
    process.exit(2);
  };
  const { flags } = setup;
  let spec: EndpointSpec;
  try {
    spec = endpointSpec(flags);
  } catch (err) {
    return fail((err as Error).message);
  }
  const controlPort = Number(flags.control ?? '0');
  if (!Number.isInteger(controlPort) || controlPort < 0 || controlPort > 65535) fail('--control takes a port number');
  const controlHost = flags['control-host'] ?? '127.0.0.1';
  if (!isLoopback(controlHost)) fail('the control API binds loopback only');
  const script = flags.script ? await loadSimulatorScript(flags.script).catch((err: Error) => fail(err.message)) : undefined;

  if (setup.device.kind === 'scanner') return fail('a scanner is not served on an endpoint (see scanner-simulator-main.ts)');
  const endpoint = new SimulatorEndpoint(setup.device.kind === 'reader' ? setup.device.reader : setup.device.printer, spec);
  let closing = false;
  endpoint.onLost = (message) => {
    if (!closing) fail(message);
  };
  await endpoint.open().catch((err: Error) => fail(`cannot serve: ${err.message}`));

  const app: FastifyInstance = buildControlApp(setup.device, endpoint);
  const controlUrl = await app.listen({ host: controlHost, port: controlPort }).catch((err: Error) => fail(`control API: ${err.message}`));
  const stopScript = script ? runSimulatorScript(app, script, log) : () => {};

  let input: Interface | undefined;
  if (setup.onStdinLine || flags['exit-with-stdin']) {
    input = createInterface({ input: process.stdin });
    if (setup.onStdinLine) input.on('line', (line) => setup.onStdinLine!(line, log));
    if (flags['exit-with-stdin']) input.once('close', () => shutdown());
  }

  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    stopScript();
    input?.close();
    void (async () => {
      await app.close().catch(() => {});
      await endpoint.close().catch(() => {});
      await setup.close().catch(() => {});
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  setup.onReady?.(log);
  const ready: SimulatorReady = {
    ready: true,
    device: setup.device.kind,
    address: endpoint.agentAddress,
    control: controlUrl,
    pid: process.pid,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  log(`${setup.name}: serving ${endpoint.agentAddress}; control API ${controlUrl}`);
}
