/**
 * identify + submit through the real server (its own process, PGlite in a temp folder, request
 * logging on as in production) at 50 concurrent clients, against a bare fastify route in the
 * same run. Each client identifies a fresh person from an ID card, then submits the allowance
 * channel with a new Idempotency-Key: the real path of a first-time kiosk user.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startProcess, stopProcess } from './support/processes';
import { syntheticCard } from './support/synthetic-cards';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;

export interface ThroughputResult {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

function summarise(result: autocannon.Result): ThroughputResult {
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/** What one simulated kiosk keeps between its two requests. */
interface ClientContext {
  identity: { identifyToken: string; person: { allowanceChannel: string | null } };
}

async function runProduct(url: string, seconds: number): Promise<ThroughputResult> {
  let serial = Math.floor(Math.random() * 1_000_000);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/identify',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ card: syntheticCard(serial++) }) }),
        onResponse: (_status, body, context) => {
          (context as ClientContext).identity = JSON.parse(body) as ClientContext['identity'];
        },
      },
      {
        method: 'POST',
        path: '/api/v1/applications',
        setupRequest: (request, context) => {
          const { identity } = context as ClientContext;
          const channel = identity.person.allowanceChannel === 'senior-card' ? 'social-security-card' : 'senior-card';
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify({ serviceKey: 'allowance-channel', identifyToken: identity.identifyToken, answers: { channel } }),
          };
        },
      },
    ],
  });
  return summarise(result);
}

async function runBare(url: string, seconds: number): Promise<ThroughputResult> {
  let serial = 0;
  const echo = {
    method: 'POST' as const,
    path: '/echo',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request) => ({ ...request, body: JSON.stringify({ card: syntheticCard(serial++) }) }),
  };
  return summarise(await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: [echo, echo] }));
}

/** `serverEnv` adds to the server's environment, e.g. DATABASE_URL and DATA_KEY for PostgreSQL. */
export async function benchApiThroughput(serverEnv: Record<string, string> = {}): Promise<{ product: ThroughputResult; bare: ThroughputResult }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eldercare-bench-'));
  const [serverPort, barePort] = [await freePort(), await freePort()];
  const server = await startProcess(
    'server/src/main.ts',
    { PORT: String(serverPort), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_REGISTRY: '0', ...serverEnv },
    /listening on/,
  );
  const bare = await startProcess('bench/support/bare-fastify.ts', { PORT: String(barePort) }, /listening on/);
  try {
    const productUrl = `http://127.0.0.1:${serverPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await runProduct(productUrl, WARMUP_S);
    await runBare(bareUrl, WARMUP_S);
    const product = await runProduct(productUrl, DURATION_S);
    const bareResult = await runBare(bareUrl, DURATION_S);
    return { product, bare: bareResult };
  } finally {
    await Promise.all([stopProcess(server), stopProcess(bare)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { product, bare } = await benchApiThroughput();
  console.log({ product, bare, ratio: product.requestsPerSecond / bare.requestsPerSecond });
}
