import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentEvent, ReceiptDocument } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../escpos/encode-receipt';
import { PrinterSimulator } from '../simulators/printer-simulator';
import { createDuplexPair } from '../transports/duplex-pair';
import { PrinterDevice, type PrinterDeviceOptions } from './printer-device';
import { PrintService } from './print-service';

const receipt = (id: string, lines = 12): ReceiptDocument => ({
  id,
  blocks: [
    { kind: 'heading', text: '受理回执' },
    { kind: 'field', label: '申请编号', value: id },
    ...Array.from({ length: lines }, (_, i) => ({ kind: 'text' as const, text: `第 ${i + 1} 行` })),
  ],
});

let dir: string;
const cleanup: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'printer-device-'));
});
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
  await rm(dir, { recursive: true, force: true });
});

/** A PrinterDevice on the in-process simulator, wired as compose-printers does it. */
async function device(sim: PrinterSimulator, options: PrinterDeviceOptions = {}) {
  const [agentEnd, simEnd] = createDuplexPair('sim:');
  await sim.attach(simEnd);
  const printer = new PrinterDevice('sim:', agentEnd, { queueDir: dir, statusTimeoutMs: 50, heldPollMs: 50, ...options });
  sim.on('state', () => void printer.refresh());
  const events: AgentEvent[] = [];
  printer.onEvent((e) => events.push(e));
  const next = (type: AgentEvent['type'], jobId: string) =>
    new Promise<void>((resolve) => {
      if (events.some((e) => e.type === type && 'jobId' in e && e.jobId === jobId)) return resolve();
      const off = printer.onEvent((e) => {
        if (e.type === type && 'jobId' in e && e.jobId === jobId) {
          off();
          resolve();
        }
      });
    });
  cleanup.push(async () => {
    await printer.close();
    await sim.close();
  });
  await printer.start();
  return { printer, events, next };
}

/** The application number on each job the simulator printed. */
async function onPaper(sim: PrinterSimulator): Promise<string[]> {
  await sim.settled();
  return sim.jobs.map((job) => (job.complete ? '' : 'incomplete ') + (/申请编号：(\S+)/.exec(job.previewText)?.[1] ?? job.previewText.split('\n')[0]));
}

describe.each([
  ['DLE EOT only', false],
  ['GS ( H process IDs', true],
])('PrinterDevice with the simulator in-process (%s)', (_name, processId) => {
  it('paper out mid-job → held → paper loaded → done; every job on paper exactly once', async () => {
    const sim = new PrinterSimulator({ processIdResponse: processId });
    const { printer, events, next } = await device(sim, { processId });
    expect(await printer.print(receipt('R1'))).toEqual({ jobId: 'R1', state: 'printed' });

    sim.runOutOfPaperAfter(Math.floor(encodeReceipt(receipt('R2')).length / 2));
    expect(await printer.print(receipt('R2'))).toEqual({ jobId: 'R2', state: 'held', code: 'PRINTER_PAPER_OUT' });
    expect(await printer.print(receipt('R3'))).toEqual({ jobId: 'R3', state: 'held', code: 'PRINTER_PAPER_OUT' });
    expect(printer.status).toEqual({ address: 'sim:', state: 'paper-out', lastError: 'PRINTER_PAPER_OUT', queued: 2, held: true });
    // The client asks again (a retry after a timeout): same job, still held, nothing printed twice.
    expect(await printer.print(receipt('R2'))).toEqual({ jobId: 'R2', state: 'held', code: 'PRINTER_PAPER_OUT' });

    sim.setPaper('ok');
    await next('print.done', 'R3');
    expect(events.map((e) => `${e.type} ${'jobId' in e ? e.jobId : ''}`)).toEqual([
      'print.done R1',
      'print.held R2',
      'print.held R3',
      'print.resumed R2',
      'print.done R2',
      'print.resumed R3',
      'print.done R3',
    ]);
    expect(await onPaper(sim)).toEqual(['R1', 'R2', 'R3']);
    expect(printer.status).toEqual({ address: 'sim:', state: 'ready', queued: 0, held: false });
    expect(await printer.print(receipt('R2'))).toEqual({ jobId: 'R2', state: 'printed' });
    expect(await onPaper(sim)).toEqual(['R1', 'R2', 'R3']);
  });

  it('cover opened before printing: the job waits, held, and prints once the cover is closed', async () => {
    const sim = new PrinterSimulator({ processIdResponse: processId });
    sim.setCoverOpen(true);
    const { printer, next } = await device(sim, { processId });
    expect(await printer.print(receipt('C1'))).toEqual({ jobId: 'C1', state: 'held', code: 'PRINTER_COVER_OPEN' });
    expect(await onPaper(sim)).toEqual([]);
    sim.setCoverOpen(false);
    await next('print.done', 'C1');
    expect(await onPaper(sim)).toEqual(['C1']);
  });
});

describe('PrinterDevice for the technician', () => {
  it('counts jobs, bytes and paper outs, keeps recent errors and a preview of the last printout', async () => {
    const sim = new PrinterSimulator();
    let now = new Date('2025-06-15T02:00:00Z');
    const { printer, next } = await device(sim, { now: () => now });
    await printer.print(receipt('D1', 1));
    sim.setPaper('out');
    now = new Date('2025-06-15T02:05:00Z');
    expect(await printer.print(receipt('D2', 1))).toMatchObject({ state: 'held' });
    sim.setPaper('ok');
    await next('print.done', 'D2');

    const d = await printer.diagnostics();
    const bytes = encodeReceipt(receipt('D1', 1)).length + encodeReceipt(receipt('D2', 1)).length;
    expect(d).toMatchObject({
      role: 'receipt',
      address: 'sim:',
      state: 'ready',
      queued: 0,
      held: false,
      processId: false,
      columns: 48,
      counters: { jobsPrinted: 2, bytesPrinted: bytes, paperOuts: 1, interrupted: 0 },
      lastErrors: [{ code: 'PRINTER_PAPER_OUT', at: '2025-06-15T02:05:00.000Z' }],
    });
    expect(d.lastPrint).toMatchObject({ jobId: 'D2', byteLength: encodeReceipt(receipt('D2', 1)).length });
    expect(d.lastPrint!.previewHtml).toContain('D2');
    expect(d.lastPrint!.previewHtml).toContain('escpos-preview');
  });

  it('prints a test page in Chinese with the printer, its address, the time and its state, at start when configured', async () => {
    const sim = new PrinterSimulator({ columns: 32 });
    const { printer, next } = await device(sim, {
      selfTestOnStart: true,
      columns: 32,
      now: () => new Date('2025-06-15T02:03:00Z'),
      testPage: { centreName: '新泾镇受理中心' },
    });
    await next('print.done', 'test-page-receipt-20250615020300000');
    const [page] = sim.jobs;
    expect(page!.previewText).toContain('打印机自检');
    expect(page!.previewText).toContain('服务中心：新泾镇受理中心');
    expect(page!.previewText).toContain('打印机：回执打印机');
    expect(page!.previewText).toContain('地址：sim:');
    expect(page!.previewText).toContain('时间：2025-06-15 10:03');
    expect(page!.previewText).toContain('状态：就绪');
    expect(page!.previewText.split('\n').every((line) => line.length <= 32)).toBe(true);
    // Each test page is its own job.
    expect(await printer.printTestPage()).toMatchObject({ state: 'printed' });
  });
});

describe('PrinterDevice with a queue folder it cannot write', () => {
  it('answers failed PRINT_QUEUE_IO_ERROR (the job was not accepted) and records it', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a folder');
    const sim = new PrinterSimulator();
    const { printer } = await device(sim, { queueDir: blocked });
    expect(await printer.print(receipt('X1'))).toEqual({ jobId: 'X1', state: 'failed', code: 'PRINT_QUEUE_IO_ERROR' });
    expect((await printer.diagnostics()).lastErrors.map((e) => e.code)).toContain('PRINT_QUEUE_IO_ERROR');
    expect(await onPaper(sim)).toEqual([]);
  });
});

describe('PrintService', () => {
  it('sends each role to its printer, and answers PRINTER_NOT_CONFIGURED for a role without one', async () => {
    const receiptSim = new PrinterSimulator();
    const ticketSim = new PrinterSimulator({ columns: 32 });
    const { printer: receiptPrinter } = await device(receiptSim);
    const { printer: ticketPrinter } = await device(ticketSim, { role: 'ticket', columns: 32 });
    const both = new PrintService({ receipt: receiptPrinter, ticket: ticketPrinter });
    expect(await both.print({ role: 'ticket', document: receipt('T1', 1) })).toEqual({ jobId: 'T1', state: 'printed' });
    expect(await both.print({ role: 'receipt', document: receipt('R1', 1) })).toEqual({ jobId: 'R1', state: 'printed' });
    expect([await onPaper(receiptSim), await onPaper(ticketSim)]).toEqual([['R1'], ['T1']]);

    const receiptOnly = new PrintService({ receipt: receiptPrinter });
    expect(receiptOnly.has('ticket')).toBe(false);
    expect(await receiptOnly.print({ role: 'ticket', document: receipt('T2', 1) })).toEqual({ jobId: 'T2', state: 'failed', code: 'PRINTER_NOT_CONFIGURED' });
    expect(await receiptOnly.printTestPage('ticket')).toMatchObject({ state: 'failed', code: 'PRINTER_NOT_CONFIGURED' });
    expect(await onPaper(ticketSim)).toEqual(['T1']);
  });
});
