/**
 * One call reaching 500 connected call displays: the real server in its own process (PGlite in a
 * temp folder, or PostgreSQL in a fresh schema), 500 SSE clients on GET /queue/centres/:id/events
 * (plain HTTP in this process), and BENCH_CALLS (default 20) calls made the way staff make them:
 * window1 logged in, counter 1 open, `POST /window/.../counters/1/call-next` (its ticket.called
 * appended in the call's transaction). Each sample is the time from just before the call-next
 * request to one client receiving the event; between calls the ticket is finished (not timed).
 * Baseline: the same with 1 client, in the same run.
 *
 * The 500 clients share this process's one event loop, so the later ones in a burst also wait
 * for the earlier ones to be read: the numbers are an upper bound for 500 separate screens.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freshSchema } from './support/fresh-schema';
import { freePort, startProcess, stopProcess } from './support/processes';

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

/** The staff side: window1 at counter 1 (category A), over HTTP with its session cookie. */
class WindowStaff {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  static async login(baseUrl: string, dataDir: string): Promise<WindowStaff> {
    const line = readFileSync(join(dataDir, 'demo-staff-passwords.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('window1\t'));
    const password = line?.split('\t')[2];
    if (!password) throw new Error('no demo password for window1');
    const res = await fetch(`${baseUrl}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'window1', password }),
    });
    if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return new WindowStaff(baseUrl, cookie);
  }

  async counter(action: string, allowed: number[] = [200]): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/v1/window/centres/${CENTRE_ID}/counters/1/${action}`, { method: 'POST', headers: { cookie: this.cookie } });
    if (!allowed.includes(res.status)) throw new Error(`${action}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }

  async issueTickets(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${this.baseUrl}/api/v1/queue/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ centreId: CENTRE_ID, category: 'A' }),
      });
      if (res.status !== 201) throw new Error(`ticket: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  }
}

/** CALLS calls one after another; each waits until every client has it, then finishes the ticket. */
async function measure(staff: WindowStaff, clients: DisplayClient[], calls: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const before = new Set(clients[0]!.arrivals.keys());
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
    await Promise.all([staff.counter('call-next'), allArrived]);
    const id = [...clients[0]!.arrivals.keys()].find((k) => !before.has(k))!;
    for (const client of clients) samples.push(client.arrivals.get(id)! - started);
    await staff.counter('finish');
  }
  return samples;
}

async function connectAll(url: string, count: number): Promise<DisplayClient[]> {
  const clients = Array.from({ length: count }, () => new DisplayClient());
  // In waves, so the server's accept queue is not the thing measured.
  for (let i = 0; i < count; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.connect(url)));
  return clients;
}

/** `postgresUrl` runs the server on PostgreSQL (a fresh schema) instead of PGlite. */
export async function benchDisplayFanout(postgresUrl?: string): Promise<FanoutResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eldercare-bench-fanout-'));
  const schema = postgresUrl ? await freshSchema(postgresUrl) : null;
  const port = await freePort();
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  if (schema) Object.assign(env, { DATABASE_URL: schema.url, DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
  const server = await startProcess('server/src/main.ts', env, /listening on/);
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/api/v1/queue/centres/${CENTRE_ID}/events`;
  const all: DisplayClient[] = [];
  try {
    const staff = await WindowStaff.login(baseUrl, dataDir);
    await staff.counter('open');
    await staff.issueTickets(2 * (WARMUP_CALLS + CALLS));

    const single = await connectAll(url, 1);
    all.push(...single);
    await measure(staff, single, WARMUP_CALLS);
    const one = summarise(await measure(staff, single, CALLS));
    single[0]!.close();

    const many = await connectAll(url, CLIENTS);
    all.push(...many);
    await measure(staff, many, WARMUP_CALLS);
    const manyResult = summarise(await measure(staff, many, CALLS));
    return { clients: CLIENTS, calls: CALLS, many: manyResult, one };
  } finally {
    for (const client of all) client.close();
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
    await schema?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchDisplayFanout(process.env.BENCH_DATABASE_URL || undefined);
  console.log({ ...result, p99Ratio: result.many.p99Ms / result.one.p99Ms });
}
