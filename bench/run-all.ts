/**
 * `npm run bench`: every benchmark, each against its baseline measured in the same run.
 * BENCH_SECONDS sets the load duration of the API benchmark (default 10 s per side).
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) adds the API benchmark on PostgreSQL.
 * BENCH_CARD_READS, BENCH_PRINT_JOBS and BENCH_RSS_CYCLES size the device agent benchmarks.
 * BENCH_TICKETS sizes the queue-ticket benchmark (default 2,400 tickets after 300 for warm-up).
 * BENCH_DISPLAYS and BENCH_CALLS size the call-display fan-out (default 500 displays, 20 calls).
 */
import { countAllTaps, TAP_BUDGETS } from '@eldercare/state-machines/analysis';
import { benchAgentCardRead } from './agent-card-read';
import { benchAgentPrintThroughput } from './agent-print-throughput';
import { benchAgentRss, rssVerdict } from './agent-rss';
import { benchApiThroughput, type ThroughputResult } from './api-throughput';
import { benchDisplayFanout } from './display-fanout';
import { benchKioskBundle } from './kiosk-bundle';
import { benchQueueTickets, type TicketRunResult } from './queue-tickets';
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

console.log('\nDevice agent over TCP to simulator processes (reader, receipt printer)');
const read = await benchAgentCardRead();
const ms = (n: number) => `${fmt(n, 1)} ms`;
line(`card read, from "found" to card.read (${read.reads} reads)`, `median ${ms(read.agent.median)}, p90 ${ms(read.agent.p90)}`);
line('baseline: bare driver loop, found to read done', `median ${ms(read.bare.median)}, p90 ${ms(read.bare.p90)}`);
line('agent overhead per read (median difference)', ms(read.agent.median - read.bare.median));
line('ratio (agent / baseline, medians)', fmt(read.agent.median / read.bare.median, 2));
const printing = await benchAgentPrintThroughput();
line(`receipts through POST /v1/print, one by one`, `${fmt(printing.agentJobsPerSecond, 1)} jobs/s (${printing.jobs} jobs)`);
line('baseline: same ESC/POS bytes straight to the socket', `${fmt(printing.bareJobsPerSecond, 1)} jobs/s`);
line('ratio (agent / baseline)', fmt(printing.agentJobsPerSecond / printing.bareJobsPerSecond, 3));
const rss = await benchAgentRss();
const verdict = rssVerdict(rss);
line(`agent RSS after GC, ${fmt(rss.prints)} prints + ${fmt(rss.reads)} reads`, `${fmt(rss.beforeMb, 1)} MB → ${fmt(rss.afterMb, 1)} MB (growth ${fmt(verdict.growthMb, 1)} MB, peak ${fmt(rss.peakMb, 1)} MB) in ${fmt(rss.seconds)} s`);
line('agent heap in use after GC', `${fmt(rss.heapBeforeMb, 1)} MB → ${fmt(rss.heapAfterMb, 1)} MB (growth ${fmt(verdict.heapGrowthMb, 2)} MB)`);
line('verdict', verdict.flat ? 'flat (no leak seen)' : 'GROWING: look for a leak');

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

async function queue(label: string, url?: string) {
  const { product, bare, tickets } = await benchQueueTickets(url);
  const row = (name: string, r: TicketRunResult) => line(name, `${fmt(r.requestsPerSecond)} req/s, p99 ${fmt(r.p99Ms)} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
  console.log(`\nqueue tickets at 100 concurrent clients, ${fmt(tickets)} tickets over 3 categories (${label})`);
  row('product: POST /queue/tickets (Idempotency-Key)', product);
  row('baseline: bare fastify route, same requests', bare);
  line('throughput ratio (product / baseline)', fmt(product.requestsPerSecond / bare.requestsPerSecond, 3));
  line('p99 ratio (product / baseline)', fmt(product.p99Ms / Math.max(1, bare.p99Ms), 1));
}
await queue('server on PGlite, embedded default');
if (postgresUrl) await queue('server on PostgreSQL, fresh schema', postgresUrl);

async function fanout(label: string, url?: string) {
  const { clients, calls, many, one } = await benchDisplayFanout(url);
  const row = (r: { p50Ms: number; p99Ms: number; maxMs: number }) => `p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}, max ${ms(r.maxMs)}`;
  console.log(`\none call (window1 POST call-next → ticket.called) reaching call displays over SSE, ${calls} calls (${label})`);
  line(`product: ${clients} displays connected`, row(many));
  line('baseline: 1 display, same run', row(one));
  line(`p99 ratio (${clients} / 1)`, fmt(many.p99Ms / Math.max(0.001, one.p99Ms), 1));
}
await fanout('server on PGlite, embedded default');
if (postgresUrl) await fanout('server on PostgreSQL, fresh schema', postgresUrl);

console.log('\nTaps from card to submitted, counted on the machines’ shortest paths (keypad digits apart)');
for (const count of countAllTaps()) {
  const budget = count.scope === 'session' ? TAP_BUDGETS[count.serviceKey] : undefined;
  const verdict = budget === undefined ? '' : count.taps <= budget ? ` (budget ${budget}: within)` : ` (budget ${budget}: OVER)`;
  line(
    `${count.serviceKey} (${count.scope === 'session' ? 'from the card read' : 'inside the flow'})`,
    `${count.taps} taps${count.typed ? ` + ${count.typed} digits typed` : ''}${verdict}`,
  );
}
