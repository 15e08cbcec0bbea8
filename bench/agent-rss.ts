/**
 * The agent's memory under a long run: the agent alone in a child process (its own heap and
 * RSS), the reader and receipt printer simulators in theirs, on TCP. Each cycle is what one
 * kiosk visitor causes: a card placed, read (card.read on the WebSocket), a receipt printed
 * through POST /v1/print (durable queue, ESC/POS, process-ID confirmation), the card taken off.
 * The agent's resident set size and heap are taken after a warm-up and after the cycles, each
 * right after a full garbage collection in the agent (between collections RSS climbs and drops
 * in a sawtooth that says nothing about leaks); they must stay flat.
 *
 * A card read needs the agent's find-card polls to see the card come and go (50 ms apart at
 * least, two absent polls to count it removed), so reads run as fast as the poller allows while
 * prints run alongside them until BENCH_RSS_CYCLES prints (default 10,000) are done; both counts
 * are reported. The queue lives on tmpfs (/dev/shm when there is one): this measures memory,
 * not the disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { AgentClient } from '../test/e2e/support/agent-client';
import { benchReceipt } from './agent-print-throughput';
import { POLL_INTERVAL_MS, startSimulatedDevices } from './support/agent-devices';
import { freePort, startProcess, stopProcess } from './support/processes';

const CYCLES = Number(process.env.BENCH_RSS_CYCLES ?? 10_000);
/** Card reads to complete as well (default: as many as fit alongside the prints). */
const READS = Number(process.env.BENCH_RSS_READS ?? 0);
const WARMUP = Math.min(500, Math.ceil(CYCLES / 10));
/** Prints in flight at once: a few kiosks' worth of backlog keeps the queue busy. */
const CONCURRENCY = Number(process.env.BENCH_RSS_CONCURRENCY ?? 8);
const CARD = 'li-xiuying';

const MB = 1024 * 1024;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) / 1024;
}

/** Asks the agent process to collect garbage and report its memory (see support/agent-child.ts). */
async function memoryAfterGc(agent: ChildProcess): Promise<{ rssMb: number; heapMb: number }> {
  const reply = new Promise<{ rss: number; heapUsed: number }>((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /memory (\{[^\n]*\})/.exec(text);
      if (!match) return;
      agent.stdout!.off('data', onData);
      resolve(JSON.parse(match[1]!) as { rss: number; heapUsed: number });
    };
    agent.stdout!.on('data', onData);
  });
  agent.kill('SIGUSR2');
  const { rss, heapUsed } = await reply;
  return { rssMb: rss / MB, heapMb: heapUsed / MB };
}

export interface RssResult {
  prints: number;
  reads: number;
  seconds: number;
  /** RSS after a full GC, after the warm-up and after the cycles. */
  beforeMb: number;
  afterMb: number;
  /** Heap in use after a full GC, at the same two points. */
  heapBeforeMb: number;
  heapAfterMb: number;
  /** The highest RSS seen between collections (sampled every 250 prints). */
  peakMb: number;
}

export async function benchAgentRss(): Promise<RssResult> {
  const devices = await startSimulatedDevices(['--max-jobs', '50']);
  const queueDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'eldercare-rss-queue-'));
  const token = randomBytes(24).toString('base64url');
  const port = await freePort();
  let agent: ChildProcess | undefined;
  let client: AgentClient | undefined;
  try {
    agent = await startProcess(
      'bench/support/agent-child.ts',
      {
        AGENT_CONFIG: JSON.stringify({
          api: { port, pairingToken: token, allowedOrigins: ['http://127.0.0.1:8080'] },
          reader: { address: devices.reader.address, pollIntervalMs: POLL_INTERVAL_MS },
          printers: { receipt: { address: devices.printer.address } },
          queueDir,
          logger: false,
        }),
      },
      /agent ready/,
    );
    const pid = agent.pid!;
    const readyClient = await new AgentClient(`http://127.0.0.1:${port}`, token).connect();
    client = readyClient;
    await readyClient.statusWhere('devices ready', (s) => s.reader.state === 'ready' && s.printers.receipt.state === 'ready', 30_000);

    let reads = 0;
    let readsBefore = Infinity;
    let printing = true;
    const readLoop = (async () => {
      while (printing || reads - readsBefore < READS) {
        await devices.reader.control.placeCard(CARD);
        await readyClient.next('card.read', () => true, 30_000);
        await devices.reader.control.removeCard();
        await readyClient.next('card.removed', () => true, 30_000);
        reads++;
        // The events are consumed; do not keep them (the client is not what is measured, but it shares nothing with the agent).
        readyClient.events.length = 0;
        readyClient.skipReceived();
      }
    })();

    const run = `R${Date.now().toString(36)}`;
    let peakMb = 0;
    const printers = (from: number, to: number) => {
      let next = from;
      const worker = async () => {
        while (next < to) {
          const i = next++;
          const result = await readyClient.print({ role: 'receipt', document: benchReceipt(`${run}-${i}`) });
          if (result.state !== 'printed') throw new Error(`print ${i}: ${result.state} ${result.code ?? ''}`);
          if (i % 250 === 0) peakMb = Math.max(peakMb, rssMb(pid));
        }
      };
      return Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    await printers(0, WARMUP);
    const before = await memoryAfterGc(agent);
    readsBefore = reads;
    const started = performance.now();
    await printers(WARMUP, WARMUP + CYCLES);
    printing = false;
    await readLoop;
    const seconds = (performance.now() - started) / 1000;
    const after = await memoryAfterGc(agent);
    return {
      prints: CYCLES,
      reads: reads - readsBefore,
      seconds,
      beforeMb: before.rssMb,
      afterMb: after.rssMb,
      heapBeforeMb: before.heapMb,
      heapAfterMb: after.heapMb,
      peakMb: Math.max(peakMb, before.rssMb, after.rssMb),
    };
  } finally {
    client?.close();
    if (agent) await stopProcess(agent);
    await devices.stop();
    rmSync(queueDir, { recursive: true, force: true });
  }
}

/**
 * Flat: after a full collection the heap ends within 2 MB of where it started and RSS within
 * 10 MB. A leak of 1 KB per print would add about 10 MB of heap over 10,000 prints.
 */
export function rssVerdict(result: RssResult): { flat: boolean; growthMb: number; heapGrowthMb: number } {
  const growthMb = result.afterMb - result.beforeMb;
  const heapGrowthMb = result.heapAfterMb - result.heapBeforeMb;
  return { flat: heapGrowthMb <= 2 && growthMb <= 10, growthMb, heapGrowthMb };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchAgentRss();
  console.log(result, rssVerdict(result));
}
