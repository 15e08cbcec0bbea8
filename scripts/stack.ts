/**
 * The whole product on one machine: the server (PGlite or PostgreSQL) serving the built UI, and
 * one device agent (simulated devices unless told otherwise), paired with each other. `npm start`
 * runs it with its defaults; the end-to-end tests run it on free ports in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { startAgent, type RunningAgent } from '@eldercare/device-agent';
import { buildApp } from '@eldercare/server';
import type { FastifyInstance } from 'fastify';

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
  centreName?: string;
  logger?: boolean;
  /** Agent timings, shortened by tests. */
  cardHoldMs?: number;
  pollIntervalMs?: number;
}

export interface RunningStack {
  serverUrl: string;
  kioskUrl: string;
  simUrl: string;
  docsUrl: string;
  agentUrl: string;
  agentToken: string;
  server: FastifyInstance;
  agent: RunningAgent;
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

  const agent = await startAgent({
    api: { port: agentPort, pairingToken: agentToken, allowedOrigins: [...new Set(serverOrigins)] },
    reader: {
      address: options.reader ?? 'sim:',
      ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
    },
    printers: { receipt: { address: options.receiptPrinter ?? 'sim:' } },
    ...(options.cardHoldMs !== undefined && { cardHoldMs: options.cardHoldMs }),
    logger: options.logger ?? false,
  });

  const dataDir = options.dataDir === null ? undefined : (options.dataDir ?? resolve(REPO_ROOT, 'data'));
  let server: FastifyInstance;
  try {
    server = await buildApp({
      database: options.databaseUrl
        ? { kind: 'postgres', url: options.databaseUrl }
        : { kind: 'pglite', dataDir },
      ...(options.dataKey && { dataKey: options.dataKey }),
      uiDir: existsSync(UI_DIR) ? UI_DIR : undefined,
      kioskAgent: { url: agent.url, token: agentToken },
      ...(options.centreName && { centreName: options.centreName }),
      logger: options.logger ?? false,
    });
    await server.listen({ host, port: serverPort });
  } catch (err) {
    await agent.close();
    throw err;
  }

  const serverUrl = `http://${host}:${serverPort}`;
  return {
    serverUrl,
    kioskUrl: `${serverUrl}/kiosk/`,
    simUrl: `${serverUrl}/sim/`,
    docsUrl: `${serverUrl}/api/docs`,
    agentUrl: agent.url,
    agentToken,
    server,
    agent,
    async close() {
      await server.close();
      await agent.close();
    },
  };
}
