/**
 * `npm run bench`: every benchmark, each against its baseline measured in the same run.
 * BENCH_SECONDS sets the load duration of the API benchmark (default 10 s per side).
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) adds the API benchmark on PostgreSQL.
 */
import { countAllTaps } from '@eldercare/state-machines/analysis';
import { benchApiThroughput, type ThroughputResult } from './api-throughput';
import { benchKioskBundle } from './kiosk-bundle';
import { benchSamFrames } from './sam-frames';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);

console.log(`Benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs\n`);

console.log('Kiosk page /kiosk (built JS + CSS it loads)');
const bundle = benchKioskBundle();
for (const file of bundle.files) line(file.path, `${fmt(file.bytes)} B raw, ${fmt(file.gzipBytes)} B gzip`);
line('total', `${fmt(bundle.bytes)} B raw, ${fmt(bundle.gzipBytes)} B gzip`);

console.log('\nGA 467 card-read replies parsed (split + checksum + parse + UCS-2 text decode)');
const sam = benchSamFrames();
line('frames per second', fmt(sam.framesPerSecond));
line('baseline: preamble search only, per second', fmt(sam.baselinePerSecond));
line('ratio to baseline', fmt(sam.framesPerSecond / sam.baselinePerSecond, 4));
line('the reader itself at 115200 baud, per second', fmt(115200 / 10 / sam.frameBytes, 1));

async function api(label: string, env: Record<string, string> = {}) {
  const { product, bare } = await benchApiThroughput(env);
  const row = (name: string, r: ThroughputResult) =>
    line(name, `${fmt(r.requestsPerSecond)} req/s, p99 ${fmt(r.p99Ms)} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
  console.log(`\nidentify + submit at 50 concurrent clients (${label})`);
  row('product: POST /identify then POST /applications', product);
  row('baseline: bare fastify route, same sequence', bare);
  line('throughput ratio (product / baseline)', fmt(product.requestsPerSecond / bare.requestsPerSecond, 3));
  line('p99 ratio (product / baseline)', fmt(product.p99Ms / Math.max(1, bare.p99Ms), 1));
}
await api('server on PGlite, embedded default');
const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (postgresUrl) await api('server on PostgreSQL', { DATABASE_URL: postgresUrl, DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
else console.log('\n  (PostgreSQL run skipped: set BENCH_DATABASE_URL to include it)');

console.log('\nTaps from card to submitted, counted on the machines’ shortest paths (keypad digits apart)');
for (const count of countAllTaps()) {
  line(`${count.serviceKey} (${count.scope === 'session' ? 'from the card read' : 'inside the flow'})`, `${count.taps} taps${count.typed ? ` + ${count.typed} digits typed` : ''}`);
}
