import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReceiptDocument } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../escpos/encode-receipt';
import { ReceiptPrinter } from '../printer/receipt-printer';
import { PrinterSimulator } from '../simulators/printer-simulator';
import { createDuplexPair } from '../transports/duplex-pair';
import { PrintJobStore, type StoredJob } from './print-job-store';
import { PrintQueue, type PrintQueueEvent, type PrintQueueOptions } from './print-queue';

const doc = (id: string, lines = 3): ReceiptDocument => ({
  id,
  blocks: [{ kind: 'heading', text: '受理回执' }, ...Array.from({ length: lines }, (_, i) => ({ kind: 'text' as const, text: `${id} 第 ${i + 1} 行` }))],
});

/** The first text line of each job the simulator printed, with whether it reached its cut. */
const printed = async (sim: PrinterSimulator) => {
  await sim.settled();
  return sim.jobs.map((job) => `${job.previewText.split('\n')[1]?.split(' ')[0]}${job.complete ? '' : ' (incomplete)'}`);
};

/** Agent events only, as strings, in order. */
const agentEvents = (events: PrintQueueEvent[]) =>
  events.flatMap((e) => (e.type.startsWith('print.') ? [`${e.type} ${'jobId' in e ? e.jobId : ''}${'code' in e ? ` ${e.code}` : ''}`] : []));

let dir: string;
const open: { close(): Promise<void> }[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'print-queue-'));
});
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
  await rm(dir, { recursive: true, force: true });
});

/** A queue on a real ReceiptPrinter talking to the simulator over a duplex pair: one agent run. */
async function run(sim: PrinterSimulator, options: Partial<PrintQueueOptions> = {}) {
  const [agentEnd, simEnd] = createDuplexPair();
  const detach = await sim.attach(simEnd);
  const printer = new ReceiptPrinter(agentEnd, { statusTimeoutMs: 30 });
  const events: PrintQueueEvent[] = [];
  const queue = new PrintQueue({
    role: 'receipt',
    dir,
    printer: {
      poll: async () => (await printer.queryStatus()).state,
      send: (bytes, id) => printer.send(bytes, id),
      waitForProcessId: (id, ms) => printer.waitForProcessId(id, ms),
    },
    encode: (d) => encodeReceipt(d),
    heldPollMs: 50,
    processIdWaitMs: 20,
    onEvent: (e) => events.push(e),
    ...options,
  });
  const onState = () => queue.notify();
  sim.on('state', onState);
  const handle = {
    queue,
    events,
    /** Stops this run: the queue, the driver and the link (the simulator keeps what it buffered). */
    close: async () => {
      sim.off('state', onState);
      await queue.close();
      printer.dispose();
      detach();
      await agentEnd.close();
    },
  };
  open.push(handle);
  await queue.start();
  return handle;
}

/** Resolves once the queue emitted an event of this type for this job (or had already). */
function eventually(events: PrintQueueEvent[], type: PrintQueueEvent['type'], jobId: string): Promise<void> {
  const seen = () => events.some((e) => e.type === type && 'jobId' in e && e.jobId === jobId);
  if (seen()) return Promise.resolve();
  return new Promise((resolve) => {
    const push = events.push.bind(events);
    events.push = (...items) => {
      const n = push(...items);
      if (seen()) resolve();
      return n;
    };
  });
}

describe('PrintQueue: printing in order, once', () => {
  it('prints jobs in the order they came, answers printed, and keeps no receipt content on disk afterwards', async () => {
    const sim = new PrinterSimulator();
    const { queue, events } = await run(sim);
    const results = await Promise.all(['A', 'B', 'C'].map((id) => queue.submit(doc(id))));
    expect(results).toEqual(['A', 'B', 'C'].map((jobId) => ({ jobId, state: 'printed' })));
    expect(await printed(sim)).toEqual(['A', 'B', 'C']);
    expect(agentEvents(events)).toEqual(['print.done A', 'print.done B', 'print.done C']);
    expect(queue.queued).toBe(0);
    for (const name of await readdir(dir)) {
      const job = JSON.parse(await readFile(join(dir, name), 'utf8')) as StoredJob;
      expect(job).toMatchObject({ state: 'printed' });
      expect(job.bytes).toBeUndefined();
    }
  });

  it('gives the same document id the same job: concurrent, later, and after a restart', async () => {
    const sim = new PrinterSimulator();
    const first = await run(sim);
    const [a, b] = await Promise.all([first.queue.submit(doc('same')), first.queue.submit(doc('same'))]);
    expect(a).toEqual({ jobId: 'same', state: 'printed' });
    expect(b).toEqual(a);
    expect(await first.queue.submit(doc('same'))).toEqual(a);
    await first.close();

    const second = await run(sim);
    expect(await second.queue.submit(doc('same'))).toEqual(a);
    expect(await printed(sim)).toEqual(['same']);
  });

  it('forgets the oldest finished ids beyond `remember`, so they would print again', async () => {
    const sim = new PrinterSimulator();
    const { queue } = await run(sim, { remember: 2 });
    for (const id of ['A', 'B', 'C']) await queue.submit(doc(id));
    await queue.submit(doc('B'));
    await queue.submit(doc('A'));
    expect(await printed(sim)).toEqual(['A', 'B', 'C', 'A']);
  });

  it('forgets finished ids older than `rememberMs`', async () => {
    const sim = new PrinterSimulator();
    let now = new Date('2025-06-15T02:00:00Z');
    const first = await run(sim, { rememberMs: 3600_000, now: () => now });
    await first.queue.submit(doc('old'));
    await first.close();
    now = new Date('2025-06-15T04:00:00Z');
    const second = await run(sim, { rememberMs: 3600_000, now: () => now });
    expect(await readdir(dir)).toEqual([]);
    await second.queue.submit(doc('old'));
    expect(await printed(sim)).toEqual(['old', 'old']);
  });

  it('refuses a document it cannot encode before storing anything', async () => {
    const sim = new PrinterSimulator();
    const { queue } = await run(sim, { encode: (d) => encodeReceipt(d, { columns: 2 }) });
    await expect(queue.submit(doc('bad'))).rejects.toMatchObject({ code: 'ESCPOS_INVALID_ARGUMENT' });
    expect(queue.queued).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe.each([
  ['without process IDs (DLE EOT only)', false],
  ['with GS ( H process IDs', true],
])('PrintQueue: hold and resume %s', (_name, processId) => {
  it('holds jobs submitted while the printer is faulted and prints them in order once it is ready', async () => {
    const sim = new PrinterSimulator();
    sim.setCoverOpen(true);
    const { queue, events } = await run(sim, { processId });
    expect(await queue.submit(doc('A'))).toEqual({ jobId: 'A', state: 'held', code: 'PRINTER_COVER_OPEN' });
    expect(await queue.submit(doc('B'))).toEqual({ jobId: 'B', state: 'held', code: 'PRINTER_COVER_OPEN' });
    // Asking again while held answers at once, without a second job.
    expect(await queue.submit(doc('A'))).toEqual({ jobId: 'A', state: 'held', code: 'PRINTER_COVER_OPEN' });
    expect([queue.queued, queue.held]).toEqual([2, true]);
    expect(await printed(sim)).toEqual([]);

    sim.setCoverOpen(false);
    await eventually(events, 'print.done', 'B');
    expect(agentEvents(events)).toEqual([
      'print.held A PRINTER_COVER_OPEN',
      'print.held B PRINTER_COVER_OPEN',
      'print.resumed A',
      'print.done A',
      'print.resumed B',
      'print.done B',
    ]);
    expect(await queue.submit(doc('A'))).toEqual({ jobId: 'A', state: 'printed' });
    expect(await printed(sim)).toEqual(['A', 'B']);
    expect([queue.queued, queue.held]).toEqual([0, false]);
  });

  it('holds a job whose paper ran out mid-job, never resends it, and confirms it once paper is loaded', async () => {
    const sim = new PrinterSimulator();
    const { queue, events } = await run(sim, { processId });
    const bytes = encodeReceipt(doc('A', 20));
    sim.runOutOfPaperAfter(Math.floor(bytes.length / 2));
    expect(await queue.submit(doc('A', 20))).toEqual({ jobId: 'A', state: 'held', code: 'PRINTER_PAPER_OUT' });
    expect(sim.buffered).toBeGreaterThan(0);
    // A job behind the held one waits its turn, held too.
    expect(await queue.submit(doc('B'))).toEqual({ jobId: 'B', state: 'held', code: 'PRINTER_PAPER_OUT' });
    expect(await printed(sim)).toEqual([]);

    sim.setPaper('ok');
    await eventually(events, 'print.done', 'B');
    expect(agentEvents(events)).toEqual([
      'print.held A PRINTER_PAPER_OUT',
      'print.held B PRINTER_PAPER_OUT',
      'print.resumed A',
      'print.done A',
      'print.resumed B',
      'print.done B',
    ]);
    // Exactly once each, A whole: the printer finished it from its buffer.
    expect(await printed(sim)).toEqual(['A', 'B']);
    expect(Buffer.from(sim.jobs[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('holds while the printer is offline (no replies) and prints after it answers again', async () => {
    const sim = new PrinterSimulator();
    sim.setFaults([{ kind: 'offline' }]);
    const { queue, events } = await run(sim, { processId });
    expect(await queue.submit(doc('A'))).toEqual({ jobId: 'A', state: 'held', code: 'PRINTER_OFFLINE' });
    sim.clearFaults();
    await eventually(events, 'print.done', 'A');
    expect(await printed(sim)).toEqual(['A']);
  });
});

describe('PrintQueue across restarts', () => {
  it('finishes a job whose write failed midway as interrupted and does not send it again', async () => {
    const sent: string[] = [];
    const { queue, events } = await run(new PrinterSimulator(), {
      printer: {
        poll: async () => 'ready',
        send: async (bytes) => (sent.push(Buffer.from(bytes).toString('hex')), 'write-failed'),
        waitForProcessId: async () => false,
      },
    });
    expect(await queue.submit(doc('W'))).toEqual({ jobId: 'W', state: 'failed', code: 'PRINTER_JOB_INTERRUPTED' });
    expect(await queue.submit(doc('N'))).toMatchObject({ state: 'failed' });
    expect(sent).toEqual([Buffer.from(encodeReceipt(doc('W'))).toString('hex'), Buffer.from(encodeReceipt(doc('N'))).toString('hex')]);
    expect(events).toContainEqual({ type: 'job.failed', jobId: 'W', code: 'PRINTER_JOB_INTERRUPTED' });
  });

  it('prints, after a restart, the jobs accepted but not printed before it, exactly once', async () => {
    const sim = new PrinterSimulator();
    sim.setPaper('out');
    const first = await run(sim);
    expect(await first.queue.submit(doc('A'))).toMatchObject({ state: 'held' });
    expect(await first.queue.submit(doc('B'))).toMatchObject({ state: 'held' });
    await first.close();

    sim.setPaper('ok');
    const second = await run(sim);
    expect(second.queue.queued).toBe(2);
    await eventually(second.events, 'print.done', 'B');
    expect(agentEvents(second.events)).toEqual(['print.done A', 'print.done B']);
    expect(await second.queue.submit(doc('A'))).toEqual({ jobId: 'A', state: 'printed' });
    expect(await printed(sim)).toEqual(['A', 'B']);
  });

  it('does not resend a job the printer took before the restart (held mid-job): it confirms it', async () => {
    const sim = new PrinterSimulator();
    const first = await run(sim, { processId: true });
    sim.runOutOfPaperAfter(30);
    expect(await first.queue.submit(doc('A', 10))).toMatchObject({ state: 'held' });
    await first.close();
    expect((await PrintJobStore.open(dir)).get('A')).toMatchObject({ state: 'sent' });

    const second = await run(sim, { processId: true });
    await eventually(second.events, 'print.held', 'A');
    sim.setPaper('ok');
    await eventually(second.events, 'print.done', 'A');
    expect(agentEvents(second.events)).toEqual(['print.held A PRINTER_PAPER_OUT', 'print.resumed A', 'print.done A']);
    expect(await printed(sim)).toEqual(['A']);
  });

  it('counts a job printed when a printer configured for process IDs never echoes one, and records a warning', async () => {
    const sim = new PrinterSimulator({ processIdResponse: false });
    const { queue, events } = await run(sim, { processId: true, processIdTimeoutMs: 60 });
    expect(await queue.submit(doc('A'))).toEqual({ jobId: 'A', state: 'printed' });
    expect(events).toContainEqual({ type: 'warning', code: 'PRINTER_PROCESS_ID_TIMEOUT', jobId: 'A' });
    expect(await printed(sim)).toEqual(['A']);
  });

  it('after a crash: ignores a half-written temporary file, sets aside an unreadable job file, and never resends a job that was being written', async () => {
    const store = await PrintJobStore.open(dir);
    const bytes = encodeReceipt(doc('W'));
    const at = new Date().toISOString();
    const base = { v: 1 as const, role: 'receipt' as const, acceptedAt: at, updatedAt: at, bytes: Buffer.from(bytes).toString('base64'), byteLength: bytes.length };
    await store.save({ ...base, seq: store.nextSeq(), jobId: 'W', state: 'sending' });
    const q = encodeReceipt(doc('Q'));
    await store.save({ ...base, seq: store.nextSeq(), jobId: 'Q', state: 'queued', bytes: Buffer.from(q).toString('base64'), byteLength: q.length });
    await writeFile(join(dir, '0000000003.json.123.9.tmp'), '{"v":1,"seq":3,"jobId":"T","sta');
    await writeFile(join(dir, '0000000004.json'), '{"v":1,"seq":4,"jobId":"C","state":"queu');

    const sim = new PrinterSimulator();
    const { queue, events } = await run(sim);
    await eventually(events, 'print.done', 'Q');
    expect(events.filter((e) => e.type === 'job.failed' || e.type === 'warning')).toEqual([
      { type: 'warning', code: 'PRINT_QUEUE_FILE_CORRUPT', jobId: '0000000004.json' },
      { type: 'job.failed', jobId: 'W', code: 'PRINTER_JOB_INTERRUPTED' },
    ]);
    expect(queue.setAside).toEqual(['0000000004.json']);
    expect((await readdir(dir)).sort()).toEqual(['0000000001.json', '0000000002.json', '0000000004.json.corrupt']);
    expect(await printed(sim)).toEqual(['Q']);

    // Someone asks for W again: a deliberate retry prints it (decision 0009).
    expect(await queue.submit(doc('W'))).toEqual({ jobId: 'W', state: 'printed' });
    expect(await printed(sim)).toEqual(['Q', 'W']);
    expect((await readdir(dir)).sort()).toEqual(['0000000002.json', '0000000003.json', '0000000004.json.corrupt']);
  });
});
