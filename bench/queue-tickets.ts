/**
 * Queue tickets issued through the real server (its own process, request logging on as in
 * production) at 100 concurrent clients, against a bare fastify route in the same run. PGlite in
 * a temp folder by default; `benchQueueTickets(url)` runs it on PostgreSQL in a fresh schema
 * (dropped afterwards), so earlier runs of the day never use up the numbers.
 *
 * A category has 999 numbers a day and the demo centre three categories, so the load is a fixed
 * number of tickets (BENCH_TICKETS, default 2,400, after 300 for warm-up) rather than a duration;
 * the bare route runs for BENCH_SECONDS (default 10).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freshSchema } from './support/fresh-schema';
import { freePort, startProcess, stopProcess } from './support/processes';

const CONNECTIONS = 100;
const WARMUP_TICKETS = 300;
const TICKETS = Math.min(Number(process.env.BENCH_TICKETS ?? 2400), 3 * 999 - WARMUP_TICKETS);
const BARE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CENTRE_ID = 'xuhui-tianping';
const CATEGORIES = ['A', 'B', 'C'];

export interface TicketRunResult {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  requests: number;
}

function summarise(result: autocannon.Result): TicketRunResult {
  return {
    requestsPerSecond: result.requests.total / (result.duration || 1),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  };
}

/** Each request a new kiosk ticket: categories in turn, a fresh Idempotency-Key. */
function ticketRequests(path: string, amount: number): autocannon.Options['requests'] {
  let serial = 0;
  return [
    {
      method: 'POST',
      path,
      setupRequest: (request) => ({
        ...request,
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ centreId: CENTRE_ID, category: CATEGORIES[serial++ % CATEGORIES.length], kioskId: `bench-${serial % amount}` }),
      }),
    },
  ];
}

async function run(url: string, path: string, amount: number): Promise<TicketRunResult> {
  return summarise(await autocannon({ url, connections: CONNECTIONS, amount, requests: ticketRequests(path, amount) }));
}

/** The baseline has no daily limit: it runs for a duration, so its rate is not a burst's. */
async function runBare(url: string, seconds: number): Promise<TicketRunResult> {
  return summarise(await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: ticketRequests('/echo', 1000) }));
}

/** `postgresUrl` runs the server on PostgreSQL instead of PGlite. */
export async function benchQueueTickets(postgresUrl?: string): Promise<{ product: TicketRunResult; bare: TicketRunResult; tickets: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eldercare-bench-queue-'));
  const schema = postgresUrl ? await freshSchema(postgresUrl) : null;
  const [serverPort, barePort] = [await freePort(), await freePort()];
  const env: Record<string, string> = schema ? { DATABASE_URL: schema.url, DATA_KEY: Buffer.alloc(32, 7).toString('base64') } : {};
  const server = await startProcess('server/src/main.ts', { PORT: String(serverPort), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }, /listening on/);
  const bare = await startProcess('bench/support/bare-fastify.ts', { PORT: String(barePort) }, /listening on/);
  try {
    const productUrl = `http://127.0.0.1:${serverPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await run(productUrl, '/api/v1/queue/tickets', WARMUP_TICKETS);
    await runBare(bareUrl, 3);
    const product = await run(productUrl, '/api/v1/queue/tickets', TICKETS);
    const bareResult = await runBare(bareUrl, BARE_SECONDS);
    return { product, bare: bareResult, tickets: TICKETS };
  } finally {
    await Promise.all([stopProcess(server), stopProcess(bare)]);
    rmSync(dataDir, { recursive: true, force: true });
    await schema?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchQueueTickets(process.env.BENCH_DATABASE_URL || undefined);
  console.log({ ...result, ratio: result.product.requestsPerSecond / result.bare.requestsPerSecond });
}
