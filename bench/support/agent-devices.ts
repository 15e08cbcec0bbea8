import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSimulator, startAgent, type RunningAgent, type SimulatorProcess } from '@eldercare/device-agent';
import { AgentClient } from '../../test/e2e/support/agent-client';

/** A reader and a receipt printer, each a simulator process on a TCP loopback port. */
export interface SimulatedDevices {
  reader: SimulatorProcess;
  printer: SimulatorProcess;
  stop(): Promise<void>;
}

/** printerArgs: more flags for the printer simulator (it keeps 20,000 jobs for checking unless told). */
export async function startSimulatedDevices(printerArgs: string[] = ['--max-jobs', '20000']): Promise<SimulatedDevices> {
  const [reader, printer] = await Promise.all([
    spawnSimulator('reader', { serve: { tcp: 0 } }),
    spawnSimulator('printer', { serve: { tcp: 0 }, args: ['--quiet', ...printerArgs] }),
  ]);
  return { reader, printer, stop: async () => void (await Promise.all([reader.stop(), printer.stop()])) };
}

/** The reader's find-card poll: a read cycle needs a poll to see the card and two to see it gone. */
export const POLL_INTERVAL_MS = Number(process.env.BENCH_POLL_MS ?? 50);

/** The real agent (in this process) on those devices, with a client of its API. */
export async function startAgentOn(devices: SimulatedDevices): Promise<{ agent: RunningAgent; client: AgentClient; close(): Promise<void> }> {
  const queueDir = mkdtempSync(join(process.env.BENCH_QUEUE_PARENT ?? tmpdir(), 'eldercare-bench-queue-'));
  const token = randomBytes(24).toString('base64url');
  const agent = await startAgent({
    api: { port: 0, pairingToken: token, allowedOrigins: ['http://127.0.0.1:8080'] },
    reader: { address: devices.reader.address, pollIntervalMs: POLL_INTERVAL_MS },
    printers: { receipt: { address: devices.printer.address } },
    queueDir,
    logger: false,
  });
  const client = await new AgentClient(agent.url, token).connect();
  return {
    agent,
    client,
    async close() {
      client.close();
      await agent.close();
      rmSync(queueDir, { recursive: true, force: true });
    },
  };
}

export function summarise(samples: number[]): { median: number; p90: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
