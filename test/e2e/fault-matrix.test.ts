import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSimulator, startAgent, type RunningAgent, type SimulatorProcess } from '@eldercare/device-agent';
import { demoResidents, shanghaiDate, type PrintResult, type ReceiptDocument } from '@eldercare/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient, waitUntil } from './support/agent-client';
import { requireTool } from './support/tool-check';

/**
 * Every misbehaviour the simulators can script, against the real agent over real links: the
 * reader and the receipt printer each run as their own process (TCP, and the reader once more
 * on a pseudo-terminal), and the agent connects to them as it would to hardware. For each
 * fault: the state the agent reports (status and events), that it still answers, and for
 * prints that every job submitted is on paper exactly once (the printer simulator's own list).
 * Real time with short intervals; every wait polls for a state, none asserts a speed.
 */

const TODAY = shanghaiDate(new Date());
const LI = demoResidents(TODAY).find((r) => r.key === 'li-xiuying')!;
const TOKEN = randomBytes(24).toString('base64url');
const RUN = `FM${Date.now().toString(36)}`;

interface Rig {
  reader: SimulatorProcess;
  printer: SimulatorProcess;
  queueDir: string;
  agent: RunningAgent;
  client: AgentClient;
}

async function startRigAgent(rig: Omit<Rig, 'agent' | 'client'>): Promise<{ agent: RunningAgent; client: AgentClient }> {
  const agent = await startAgent({
    api: { port: 0, pairingToken: TOKEN, allowedOrigins: ['http://127.0.0.1:8080'] },
    reader: { address: rig.reader.address, pollIntervalMs: 50, reconnectMs: 100 },
    printers: { receipt: { address: rig.printer.address, statusIntervalMs: 100 } },
    queueDir: rig.queueDir,
    simulatedToday: TODAY,
    logger: false,
  });
  const client = await new AgentClient(agent.url, TOKEN).connect();
  return { agent, client };
}

async function startRig(readerServe: { tcp: number } | { pty: string }): Promise<Rig> {
  const [reader, printer] = await Promise.all([
    spawnSimulator('reader', { serve: readerServe }),
    spawnSimulator('printer', { serve: { tcp: 0 }, args: ['--quiet'] }),
  ]);
  const queueDir = mkdtempSync(join(tmpdir(), 'eldercare-fault-queue-'));
  return { reader, printer, queueDir, ...(await startRigAgent({ reader, printer, queueDir })) };
}

async function stopRig(rig: Rig | undefined): Promise<void> {
  if (!rig) return;
  rig.client.close();
  await rig.agent.close();
  await Promise.all([rig.reader.stop(), rig.printer.stop()]);
  rmSync(rig.queueDir, { recursive: true, force: true });
}

let jobSerial = 0;
/** A receipt whose QR code names it, so its prints can be counted on the simulator. */
function receipt(): ReceiptDocument {
  const id = `${RUN}-${++jobSerial}`;
  return { id, blocks: [{ kind: 'heading', text: '受理回执' }, { kind: 'field', label: '受理编号', value: id }, { kind: 'qr', data: id }] };
}

/** How many times the document came out of the printer, and whether each came out whole. */
async function onPaper(rig: Rig, doc: ReceiptDocument): Promise<{ copies: number; complete: boolean[] }> {
  const prints = (await rig.printer.control.prints()).filter((p) => p.previewText.includes(`[QR] ${doc.id}\n`) || p.previewText.endsWith(`[QR] ${doc.id}`));
  return { copies: prints.length, complete: prints.map((p) => p.complete) };
}

async function findCardPolls(rig: Rig): Promise<number> {
  return (await rig.reader.control.readerStats()).commands.findCard ?? 0;
}

/** Waits until the agent has polled the reader `polls` more times: time passes by the agent's clock, not ours. */
async function polled(rig: Rig, polls: number): Promise<void> {
  const from = await findCardPolls(rig);
  await waitUntil(`${polls} find-card polls`, async () => (await findCardPolls(rig)) >= from + polls);
}

async function readerState(rig: Rig, state: string, what = `reader ${state}`) {
  return (await rig.client.statusWhere(what, (s) => s.reader.state === state)).reader;
}

async function printerState(rig: Rig, state: string) {
  return (await rig.client.statusWhere(`printer ${state}`, (s) => s.printers.receipt.state === state)).printers.receipt;
}

async function expectCardRead(rig: Rig): Promise<void> {
  const read = await rig.client.next('card.read');
  expect(read.card.idNumber).toBe(LI.idNumber);
}

/** Takes the card off and waits for the agent to see it gone. */
async function takeCardOff(rig: Rig): Promise<void> {
  await rig.reader.control.removeCard();
  await readerState(rig, 'ready');
}

async function stillAnswers(rig: Rig): Promise<void> {
  const status = await rig.client.status();
  expect(status.reader).toBeDefined();
  expect(status.printers.receipt).toBeDefined();
}

async function printHeldThenOnce(rig: Rig, doc: ReceiptDocument, code: string, clear: () => Promise<void>): Promise<void> {
  const result: PrintResult = await rig.client.print({ role: 'receipt', document: doc });
  expect(result).toMatchObject({ state: 'held', code });
  const held = await rig.client.next('print.held', (e) => e.jobId === result.jobId);
  expect(held).toMatchObject({ role: 'receipt', code });
  expect((await rig.client.status()).printers.receipt).toMatchObject({ held: true });
  expect((await onPaper(rig, doc)).complete).not.toContain(true);
  await clear();
  await rig.client.next('print.done', (e) => e.jobId === result.jobId);
  expect(await onPaper(rig, doc)).toEqual({ copies: 1, complete: [true] });
  expect((await rig.client.status()).printers.receipt).toMatchObject({ held: false, queued: 0 });
}

describe('fault matrix: simulator processes on TCP, the real agent', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig({ tcp: 0 });
    await readerState(rig, 'ready');
    await printerState(rig, 'ready');
  });

  afterEach(async () => {
    // Each case starts from a healthy rig, whatever the last one left behind.
    await Promise.all([rig.reader.control.clearFaults(), rig.printer.control.clearFaults()]);
    await rig.reader.control.removeCard();
    await rig.printer.control.setCoverOpen(false);
    await rig.printer.control.setPaper('ok');
    await readerState(rig, 'ready');
    await printerState(rig, 'ready');
    await stillAnswers(rig);
    rig.client.skipReceived();
  });

  afterAll(async () => {
    await stopRig(rig);
  });

  describe('reader', () => {
    it('no card: a card the reader does not see is not read; once seen, it is', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'no-card' }]);
      rig.client.skipReceived();
      await rig.reader.control.placeCard(LI.key);
      await polled(rig, 5);
      expect(rig.client.events.slice(-20).map((e) => e.type)).not.toContain('card.placed');
      expect((await rig.client.status()).reader.state).toBe('ready');
      await rig.reader.control.clearFaults();
      await expectCardRead(rig);
    });

    it('read failures: two are retried away and the card is read', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'read-failure', times: 2 }]);
      const readsBefore = (await rig.reader.control.readerStats()).commands.readText ?? 0;
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
      expect(rig.client.events.map((e) => e.type)).not.toContain('card.failed');
      // Two failed reads and the good one.
      expect((await rig.reader.control.readerStats()).commands.readText).toBe(readsBefore + 3);
      await takeCardOff(rig);
    });

    it('read failures: too many end in card.failed, and the next placement reads', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'read-failure', times: 50 }]);
      await rig.reader.control.placeCard(LI.key);
      const failed = await rig.client.next('card.failed');
      expect(failed.code).toBe('READER_READ_FAILED');
      await readerState(rig, 'card-present');
      await rig.reader.control.clearFaults();
      await takeCardOff(rig);
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
    });

    it('bad checksums: corrupt replies are dropped (the command times out), then the reader recovers and reads', async () => {
      expect((await rig.client.status()).reader.lastError).toBeUndefined();
      await rig.reader.control.setReaderFaults([{ kind: 'bad-checksum', times: 2 }]);
      const troubled = await rig.client.statusWhere('a reader error', (s) => s.reader.lastError !== undefined);
      expect(troubled.reader).toMatchObject({ state: 'offline', lastError: 'READER_TIMEOUT' });
      const ready = await readerState(rig, 'ready');
      expect(ready.lastError).toBeUndefined();
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
    });

    it('garbage bytes before every reply are skipped', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'garbage', bytes: 13 }]);
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
      await takeCardOff(rig);
    });

    it('replies split into single bytes are put back together', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'split' }]);
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
      await takeCardOff(rig);
    });

    it('a slow reader still reads', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'slow', delayMs: 40 }]);
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
      await takeCardOff(rig);
    });

    it('a silent reader is offline, and ready again once it answers', async () => {
      await rig.reader.control.setReaderFaults([{ kind: 'silent' }]);
      const offline = await readerState(rig, 'offline');
      expect(offline.lastError).toBe('READER_TIMEOUT');
      await rig.reader.control.clearFaults();
      await readerState(rig, 'ready');
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
    });

    it('reader unplugged and plugged back: offline, then ready, then reads', async () => {
      await rig.reader.control.disconnect(600);
      const offline = await readerState(rig, 'offline');
      expect(offline.lastError).toMatch(/^(READER_DISCONNECTED|TRANSPORT_)/);
      await readerState(rig, 'ready');
      await rig.reader.control.placeCard(LI.key);
      await expectCardRead(rig);
    });
  });

  describe('printer', () => {
    it('paper near end: the job prints, the state says so', async () => {
      await rig.printer.control.setPaper('near-end');
      await printerState(rig, 'paper-near-end');
      const doc = receipt();
      const result = await rig.client.print({ role: 'receipt', document: doc });
      expect(result.state).toBe('printed');
      await rig.client.next('print.done', (e) => e.jobId === result.jobId);
      expect(await onPaper(rig, doc)).toEqual({ copies: 1, complete: [true] });
    });

    it('paper out before the job: held, then printed once when paper is loaded', async () => {
      await rig.printer.control.setPaper('out');
      expect(await printerState(rig, 'paper-out')).toMatchObject({ lastError: 'PRINTER_PAPER_OUT' });
      await printHeldThenOnce(rig, receipt(), 'PRINTER_PAPER_OUT', () => rig.printer.control.setPaper('ok'));
    });

    it('paper out in the middle of the job: held, the rest prints once when paper is loaded', async () => {
      await rig.printer.control.runOutOfPaperAfter(40);
      const doc = receipt();
      await printHeldThenOnce(rig, doc, 'PRINTER_PAPER_OUT', async () => {
        await printerState(rig, 'paper-out');
        await rig.printer.control.setPaper('ok');
      });
    });

    it('cover open: held, then printed once when it is closed', async () => {
      await rig.printer.control.setCoverOpen(true);
      await printerState(rig, 'cover-open');
      await printHeldThenOnce(rig, receipt(), 'PRINTER_COVER_OPEN', () => rig.printer.control.setCoverOpen(false));
    });

    it('printer offline (no status replies): held, then printed once when it answers', async () => {
      await rig.printer.control.setPrinterFaults([{ kind: 'offline' }]);
      await printerState(rig, 'offline');
      await printHeldThenOnce(rig, receipt(), 'PRINTER_OFFLINE', () => rig.printer.control.clearFaults());
    });

    it('slow, byte-by-byte status replies: printed once', async () => {
      await rig.printer.control.setPrinterFaults([{ kind: 'slow', delayMs: 30 }, { kind: 'split' }]);
      const doc = receipt();
      const result = await rig.client.print({ role: 'receipt', document: doc });
      expect(result.state).toBe('printed');
      expect(await onPaper(rig, doc)).toEqual({ copies: 1, complete: [true] });
    });

    it('printer unplugged and plugged back: offline, jobs held, then each printed once, in order', async () => {
      await rig.printer.control.disconnect(800);
      await printerState(rig, 'offline');
      const first = receipt();
      const second = receipt();
      const results = await Promise.all([first, second].map((document) => rig.client.print({ role: 'receipt', document })));
      for (const result of results) expect(result.state).toBe('held');
      await rig.client.next('print.done', (e) => e.jobId === results[1]!.jobId);
      expect(await onPaper(rig, first)).toEqual({ copies: 1, complete: [true] });
      expect(await onPaper(rig, second)).toEqual({ copies: 1, complete: [true] });
      const order = (await rig.printer.control.prints()).map((p) => p.previewText);
      expect(order.findIndex((t) => t.includes(first.id))).toBeLessThan(order.findIndex((t) => t.includes(second.id)));
    });

    it('the same document sent twice prints once', async () => {
      const doc = receipt();
      const [a, b] = await Promise.all([rig.client.print({ role: 'receipt', document: doc }), rig.client.print({ role: 'receipt', document: doc })]);
      expect(a).toEqual(b);
      expect(a.state).toBe('printed');
      expect(await onPaper(rig, doc)).toEqual({ copies: 1, complete: [true] });
    });

    it('agent restarted with a job queued: printed once by the new agent', async () => {
      await rig.printer.control.setPaper('out');
      await printerState(rig, 'paper-out');
      const doc = receipt();
      expect(await rig.client.print({ role: 'receipt', document: doc })).toMatchObject({ state: 'held' });
      rig.client.close();
      await rig.agent.close();

      Object.assign(rig, await startRigAgent(rig));
      await rig.client.statusWhere('the queued job back in the queue', (s) => s.printers.receipt.queued === 1);
      await rig.printer.control.setPaper('ok');
      await waitUntil('the job on paper', async () => (await onPaper(rig, doc)).copies > 0);
      await rig.client.statusWhere('the queue empty', (s) => s.printers.receipt.queued === 0 && !s.printers.receipt.held);
      expect(await onPaper(rig, doc)).toEqual({ copies: 1, complete: [true] });
      // Sending it again after the restart does not print it again.
      expect(await rig.client.print({ role: 'receipt', document: doc })).toMatchObject({ state: 'printed' });
      expect(await onPaper(rig, doc)).toEqual({ copies: 1, complete: [true] });
    });
  });
});

const hasSocat = requireTool('socat', spawnSync('socat', ['-V']).status === 0, 'apt-get install socat; needed for a pseudo-terminal');

describe.skipIf(!hasSocat)('fault matrix: the reader on a pseudo-terminal (serial:), the real agent', () => {
  let rig: Rig;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eldercare-fault-tty-'));
    rig = await startRig({ pty: join(dir, 'ttyIdReader') });
    await readerState(rig, 'ready');
  });

  afterAll(async () => {
    await stopRig(rig);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('frames split at every byte over the serial line are read', async () => {
    expect(rig.reader.address).toMatch(/^serial:/);
    await rig.reader.control.setReaderFaults([{ kind: 'split' }, { kind: 'garbage', bytes: 5 }]);
    await rig.reader.control.placeCard(LI.key);
    await expectCardRead(rig);
    await rig.reader.control.clearFaults();
    await takeCardOff(rig);
  });

  it('the pseudo-terminal goes away and comes back: offline, then ready, then reads', async () => {
    await rig.reader.control.disconnect(600);
    await readerState(rig, 'offline');
    await readerState(rig, 'ready');
    await rig.reader.control.placeCard(LI.key);
    await expectCardRead(rig);
    await stillAnswers(rig);
  });
});
