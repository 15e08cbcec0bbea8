/**
 * The whole product on one machine: the server (PGlite or PostgreSQL) serving the built UI, and
 * one device agent (simulated devices unless told otherwise), paired with each other. `npm start`
 * runs it with its defaults; the end-to-end tests run it on free ports in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { startAgent, type RunningAgent } from '@eldercare/device-agent';
import { buildApp, DEMO_CENTRE_ID, startRideHailingSimulator, type RunningRideHailingSimulator } from '@eldercare/server';
import type { FastifyInstance } from 'fastify';
import { startSimulatorProcesses, type SimulatorProcesses } from './simulator-processes';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const UI_DIR = resolve(REPO_ROOT, 'kiosk-ui/dist');

export interface StackOptions {
  /** Loopback by default: the all-in-one stack is for one machine. */
  host?: string;
  /** 0 picks a free port. Default 8080. */
  serverPort?: number;
  /** 0 picks a free port. Default 7421. */
  agentPort?: number;
  /** PGlite data folder; null keeps the database in memory. Ignored with databaseUrl. */
  dataDir?: string | null;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** 32-byte key for data at rest (required with PostgreSQL; PGlite keeps a key file). */
  dataKey?: Buffer;
  reader?: string;
  receiptPrinter?: string;
  /** The ticket printer (取号) with in-process simulators, e.g. `sim:`; none by default. */
  ticketPrinter?: string;
  centreName?: string;
  logger?: boolean;
  /** Agent timings, shortened by tests. */
  cardHoldMs?: number;
  pollIntervalMs?: number;
  /**
   * Where simulated devices run: `in-process` (sim: addresses, the default, fast for tests) or
   * `processes` (npm start: reader, receipt and ticket printer as their own processes on TCP,
   * the agent connecting with tcp: addresses). Ignored for a device given an address.
   */
  simulators?: 'in-process' | 'processes';
  /** With simulators: 'processes', serve the reader on this pseudo-terminal (needs socat). */
  readerPty?: string;
  /**
   * 申程出行: the ride-hailing platform's URL; without one a simulator of its protocol runs
   * in-process on a free loopback port (plates and ETAs from a seeded random).
   */
  rideHailingUrl?: string;
  /** Create the demo staff accounts, with random passwords written to this file (0600). */
  demoStaffPasswordsFile?: string;
}

export interface RunningStack {
  serverUrl: string;
  /** The kiosk page; `?centre=<id>` tells a kiosk its centre (for 取号). */
  kioskUrl: string;
  simUrl: string;
  techUrl: string;
  /** Staff at a counter (log in with a staff account). */
  windowUrl: string;
  /** The hall's call display of the demo centre. */
  displayUrl: string;
  /** Statistics for supervisors. */
  adminUrl: string;
  docsUrl: string;
  agentUrl: string;
  agentToken: string;
  server: FastifyInstance;
  agent: RunningAgent;
  /** The ride-hailing simulator taxis are booked through, unless rideHailingUrl was given. */
  rideHailingSimulator?: RunningRideHailingSimulator;
  /** Where taxis are booked (RIDE_HAILING_URL or the simulator). */
  rideHailingUrl: string;
  /** Present with simulators: 'processes'. */
  simulatorProcesses?: SimulatorProcesses;
  close(): Promise<void>;
}

/** A port that was free a moment ago (the two parts must know each other's address up front). */
async function freePort(host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const serverPort = options.serverPort === 0 ? await freePort(host) : (options.serverPort ?? 8080);
  const agentPort = options.agentPort === 0 ? await freePort('127.0.0.1') : (options.agentPort ?? 7421);
  const agentToken = randomBytes(24).toString('base64url');
  const serverOrigins = [`http://${host}:${serverPort}`, `http://localhost:${serverPort}`, `http://127.0.0.1:${serverPort}`];

  const processes =
    options.simulators === 'processes' && !(options.reader && options.receiptPrinter)
      ? await startSimulatorProcesses(options.readerPty ? { readerPty: options.readerPty } : {})
      : undefined;
  const simulated = processes?.agentConfig;
  const dataDir = options.dataDir === null ? undefined : (options.dataDir ?? resolve(REPO_ROOT, 'data'));
  // The print queue lives beside the database: its job ids are application numbers, so a queue
  // kept across a database reset would take a new receipt for one already printed.
  const scratchDir = dataDir ? undefined : mkdtempSync(join(tmpdir(), 'eldercare-queue-'));
  const queueDir = join(dataDir ?? scratchDir!, 'agent', 'print-queue');
  const removeScratch = () => scratchDir && rmSync(scratchDir, { recursive: true, force: true });
  let agent: RunningAgent;
  try {
    agent = await startAgent({
      api: { port: agentPort, pairingToken: agentToken, allowedOrigins: [...new Set(serverOrigins)] },
      reader: {
        address: options.reader ?? simulated?.reader.address ?? 'sim:',
        ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
      },
      printers:
        options.receiptPrinter || !simulated
          ? { receipt: { address: options.receiptPrinter ?? 'sim:' }, ...(options.ticketPrinter && { ticket: { address: options.ticketPrinter } }) }
          : simulated.printers,
      ...(simulated && {
        simulatorControl: {
          ...(!options.reader && { reader: simulated.simulatorControl.reader }),
          ...(!options.receiptPrinter && { receiptPrinter: simulated.simulatorControl.receiptPrinter, ticketPrinter: simulated.simulatorControl.ticketPrinter }),
        },
      }),
      ...(options.cardHoldMs !== undefined && { cardHoldMs: options.cardHoldMs }),
      queueDir,
      logger: options.logger ?? false,
    });
  } catch (err) {
    await processes?.stop();
    removeScratch();
    throw err;
  }

  const rideHailingSimulator = options.rideHailingUrl ? undefined : await startRideHailingSimulator();
  const rideHailingUrl = options.rideHailingUrl ?? rideHailingSimulator!.url;
  let server: FastifyInstance;
  try {
    server = await buildApp({
      database: options.databaseUrl
        ? { kind: 'postgres', url: options.databaseUrl }
        : { kind: 'pglite', dataDir },
      ...(options.dataKey && { dataKey: options.dataKey }),
      uiDir: existsSync(UI_DIR) ? UI_DIR : undefined,
      kioskAgent: { url: agent.url, token: agentToken },
      rideHailing: { baseUrl: rideHailingUrl },
      ...(options.centreName && { centreName: options.centreName }),
      ...(options.demoStaffPasswordsFile && { staff: { demoPasswordsFile: options.demoStaffPasswordsFile } }),
      logger: options.logger ?? false,
    });
    await server.listen({ host, port: serverPort });
  } catch (err) {
    await agent.close();
    await processes?.stop();
    await rideHailingSimulator?.close();
    removeScratch();
    throw err;
  }

  const serverUrl = `http://${host}:${serverPort}`;
  return {
    serverUrl,
    kioskUrl: `${serverUrl}/kiosk/`,
    simUrl: `${serverUrl}/sim/`,
    techUrl: `${serverUrl}/tech/`,
    windowUrl: `${serverUrl}/window/`,
    displayUrl: `${serverUrl}/display/?centre=${DEMO_CENTRE_ID}`,
    adminUrl: `${serverUrl}/admin/`,
    docsUrl: `${serverUrl}/api/docs`,
    agentUrl: agent.url,
    agentToken,
    server,
    agent,
    ...(processes && { simulatorProcesses: processes }),
    ...(rideHailingSimulator && { rideHailingSimulator }),
    rideHailingUrl,
    async close() {
      await server.close();
      await agent.close();
      await processes?.stop();
      await rideHailingSimulator?.close();
      removeScratch();
    },
  };
}
