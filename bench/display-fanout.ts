/**
 * One call reaching 500 connected call displays: the server in its own process (PGlite in a temp
 * folder, or PostgreSQL in a fresh schema), 500 SSE clients on GET /queue/centres/:id/events
 * (plain HTTP in this process), and BENCH_CALLS (default 20) `ticket.called` events appended one
 * after another through the real path (appendQueueEvent in a transaction, see
 * support/display-fanout-server.ts). Each sample is the time from just before the append is
 * asked for to one client receiving the event; baseline: the same with 1 client, in the same run.
 *
 * The 500 clients share this process's one event loop, so the later ones in a burst also wait
 * for the earlier ones to be read: the numbers are an upper bound for 500 separate screens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { freePort, REPO_ROOT, stopProcess } from './support/processes';

const CLIENTS = Number(process.env.BENCH_DISPLAYS ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const WARMUP_CALLS = 3;
const CENTRE_ID = 'xuhui-tianping';

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

export interface FanoutResult {
  clients: number;
  calls: number;
  many: LatencySummary;
  one: LatencySummary;
}

function summarise(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? NaN, samples: sorted.length };
}

/** A display: records when each `ticket.called` id arrives; only the event lines are looked at. */
class DisplayClient {
  readonly arrivals = new Map<string, number>();
  #buffer = '';
  #req: ClientRequest | null = null;
  onArrival: (() => void) | null = null;

  connect(url: string): Promise<void> {
    return new Promise((resolveReady, fail) => {
      this.#req = request(url, { headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return fail(new Error(`SSE status ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const now = performance.now();
          this.#buffer += chunk;
          let end: number;
          while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
            const block = this.#buffer.slice(0, end);
            this.#buffer = this.#buffer.slice(end + 2);
            if (block.includes('event: ready')) resolveReady();
            if (!block.includes('event: ticket.called')) continue;
            const id = /^id: (\d+)$/m.exec(block)?.[1];
            if (id) this.arrivals.set(id, now);
            this.onArrival?.();
          }
        });
      });
      this.#req.on('error', fail);
      this.#req.end();
    });
  }

  close(): void {
    this.#req?.destroy();
  }
}

class FanoutServer {
  readonly #lines: string[] = [];
  #wake: (() => void) | null = null;
  private constructor(readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      this.#lines.push(line);
      this.#wake?.();
    });
  }

  static async start(env: Record<string, string>): Promise<FanoutServer> {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'bench/support/display-fanout-server.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const server = new FanoutServer(child);
    await server.line(/listening on/);
    return server;
  }

  /** Waits for the next stdout line that matches. */
  async line(pattern: RegExp): Promise<string> {
    for (;;) {
      const index = this.#lines.findIndex((l) => pattern.test(l));
      if (index >= 0) return this.#lines.splice(0, index + 1).at(-1)!;
      if (this.child.exitCode !== null) throw new Error('display fan-out server exited');
      await new Promise<void>((wake) => (this.#wake = wake));
    }
  }

  call(n: number): void {
    this.child.stdin!.write(`call ${n}\n`);
  }
}

/** Appends CALLS events one after another; each waits until every client has it. */
async function measure(server: FanoutServer, clients: DisplayClient[], firstCall: number, calls: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const allArrived = new Promise<void>((done) => {
      let pending = clients.length;
      for (const client of clients) {
        client.onArrival = () => {
          client.onArrival = null;
          if (--pending === 0) done();
        };
      }
    });
    const started = performance.now();
    server.call(firstCall + i);
    const id = /^appended (\d+)$/.exec(await server.line(/^appended /))![1]!;
    await allArrived;
    for (const client of clients) samples.push(client.arrivals.get(id)! - started);
  }
  return samples;
}

async function connectAll(url: string, count: number): Promise<DisplayClient[]> {
  const clients = Array.from({ length: count }, () => new DisplayClient());
  // In waves, so the server's accept queue is not the thing measured.
  for (let i = 0; i < count; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.connect(url)));
  return clients;
}

async function freshSchema(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** `postgresUrl` runs the server on PostgreSQL (a fresh schema) instead of PGlite. */
export async function benchDisplayFanout(postgresUrl?: string): Promise<FanoutResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eldercare-bench-fanout-'));
  const schema = postgresUrl ? await freshSchema(postgresUrl) : null;
  const port = await freePort();
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  if (schema) Object.assign(env, { DATABASE_URL: schema.url, DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
  const server = await FanoutServer.start(env);
  const url = `http://127.0.0.1:${port}/api/v1/queue/centres/${CENTRE_ID}/events`;
  const all: DisplayClient[] = [];
  try {
    const single = await connectAll(url, 1);
    all.push(...single);
    await measure(server, single, 0, WARMUP_CALLS);
    const one = summarise(await measure(server, single, WARMUP_CALLS, CALLS));
    single[0]!.close();

    const many = await connectAll(url, CLIENTS);
    all.push(...many);
    await measure(server, many, 100, WARMUP_CALLS);
    const manyResult = summarise(await measure(server, many, 100 + WARMUP_CALLS, CALLS));
    return { clients: CLIENTS, calls: CALLS, many: manyResult, one };
  } finally {
    for (const client of all) client.close();
    server.child.stdin!.end();
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    await schema?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchDisplayFanout(process.env.BENCH_DATABASE_URL || undefined);
  console.log({ ...result, p99Ratio: result.many.p99Ms / result.one.p99Ms });
}
