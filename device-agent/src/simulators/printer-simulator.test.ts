import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import type { PrinterState } from '@eldercare/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../escpos/escpos-builder';
import { encodeReceipt } from '../escpos/encode-receipt';
import type { ByteTransport } from '../transports/byte-transport';
import { createDuplexPair } from '../transports/duplex-pair';
import { Value } from 'typebox/value';
import { PrinterFaultSchema, PrinterSimulator, type SimulatedPrintJob } from './printer-simulator';

const RECEIPT = encodeReceipt({
  id: 'r',
  blocks: [
    { kind: 'heading', text: '回执' },
    { kind: 'qr', data: 'SQ1' },
  ],
});
const hex = (...bytes: number[]): string => Buffer.from(bytes).toString('hex');

/** The host side of a duplex pair with everything it received. */
async function hostFor(sim: PrinterSimulator): Promise<{ host: ByteTransport; device: ByteTransport; replies: () => string; detach: () => void }> {
  const [host, device] = createDuplexPair();
  const detach = await sim.attach(device);
  await host.open();
  const got: Buffer[] = [];
  host.onData((chunk) => got.push(chunk));
  return { host, device, replies: () => Buffer.concat(got).toString('hex'), detach };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

let sim: PrinterSimulator;
afterEach(async () => {
  await sim?.close();
});

describe('PrinterSimulator status replies', () => {
  it.each<[PrinterState, string]>([
    ['ready', '12121212'],
    ['paper-near-end', '1212121e'],
    ['paper-out', '1a32127e'],
    ['cover-open', '1a161212'],
    ['offline', ''],
  ])('answers DLE EOT 1–4 in state %s with %s', async (state, expected) => {
    sim = new PrinterSimulator({ state });
    const { host, replies } = await hostFor(sim);
    await host.write(Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04));
    await tick();
    expect(replies()).toBe(expected);
  });

  it('answers a query split across writes, and in the middle of a job', async () => {
    sim = new PrinterSimulator();
    const { host, replies } = await hostFor(sim);
    await host.write(Uint8Array.of(0x10));
    await host.write(Uint8Array.of(0x04));
    await host.write(Uint8Array.of(0x01));
    // Between two commands: a real printer, too, would read a query inside a command as its data.
    await host.write(RECEIPT.subarray(0, 18));
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await host.write(RECEIPT.subarray(18));
    await tick();
    expect(replies()).toBe('1212');
    await sim.settled();
    expect(sim.jobs).toHaveLength(1);
    // The query is not part of the job.
    expect(Buffer.from(sim.jobs[0]!.bytes).equals(Buffer.from(RECEIPT))).toBe(true);
  });

  it('follows setState and emits state events', async () => {
    sim = new PrinterSimulator();
    const { host, replies } = await hostFor(sim);
    const states: PrinterState[] = [];
    sim.on('state', (s) => states.push(s));
    sim.setState('cover-open');
    sim.setState('cover-open');
    await host.write(Uint8Array.of(0x10, 0x04, 0x02));
    sim.setState('ready');
    await tick();
    await host.write(Uint8Array.of(0x10, 0x04, 0x02));
    await tick();
    expect(replies()).toBe('1612');
    expect(states).toEqual(['cover-open', 'ready']);
  });
});

describe('PrinterSimulator jobs', () => {
  it('captures one job per cut with bytes, items, previews and receive time, and emits it', async () => {
    sim = new PrinterSimulator();
    const { host } = await hostFor(sim);
    const emitted: SimulatedPrintJob[] = [];
    sim.on('job', (job) => emitted.push(job));
    const before = Date.now();
    const second = new EscPosBuilder().init().line('second').cut('partial').build();
    await host.write(Uint8Array.from([...RECEIPT, ...second]));
    await tick();
    await sim.settled();
    expect(sim.jobs.map((j) => j.id)).toEqual(['sim-print-1', 'sim-print-2']);
    expect(emitted).toEqual(sim.jobs);
    const [first, other] = sim.jobs as [SimulatedPrintJob, SimulatedPrintJob];
    expect(Buffer.from(first.bytes).equals(Buffer.from(RECEIPT))).toBe(true);
    expect(first.items.map((i) => i.kind)).toEqual(['text', 'qr', 'feed', 'cut']);
    expect(first.items[0]).toMatchObject({ text: '回执', width: 2, height: 2, align: 'center' });
    expect(first.previewText).toContain('回执');
    expect(first.previewText).toContain('[QR] SQ1');
    expect(first.previewHtml).toContain('<svg');
    expect(first.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(first.complete).toBe(true);
    expect(other.items).toEqual([expect.objectContaining({ text: 'second' }), { kind: 'cut', partial: true, feed: 0 }]);
  });

  it('assembles a job from bytes that arrive one at a time', async () => {
    sim = new PrinterSimulator();
    const { host } = await hostFor(sim);
    for (const byte of RECEIPT) await host.write(Uint8Array.of(byte));
    await tick();
    await sim.settled();
    expect(sim.jobs).toHaveLength(1);
    expect(sim.jobs[0]!.items.find((i) => i.kind === 'qr')).toMatchObject({ data: 'SQ1' });
  });

  it('keeps the last maxJobs jobs and clears them on request', async () => {
    sim = new PrinterSimulator({ maxJobs: 3 });
    const { host } = await hostFor(sim);
    for (let i = 1; i <= 5; i++) await host.write(new EscPosBuilder().line(`job ${i}`).cut().build());
    await tick();
    await sim.settled();
    expect(sim.jobs.map((j) => j.id)).toEqual(['sim-print-3', 'sim-print-4', 'sim-print-5']);
    sim.clear();
    expect(sim.jobs).toEqual([]);
  });

  it('keeps a job without a cut as incomplete when the link closes, and stops listening once detached', async () => {
    sim = new PrinterSimulator();
    const first = await hostFor(sim);
    await first.host.write(new EscPosBuilder().line('torn').build());
    await tick();
    await first.device.close();
    await sim.settled();
    expect(sim.jobs.map((j) => [j.complete, j.previewText])).toEqual([[false, 'torn']]);

    const second = await hostFor(sim);
    second.detach();
    await second.host.write(Uint8Array.of(0x10, 0x04, 0x01));
    await tick();
    expect(second.replies()).toBe('');
  });
});

describe('PrinterSimulator over TCP', () => {
  async function client(port: number): Promise<{ socket: Socket; replies: () => string }> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const got: Buffer[] = [];
    socket.on('data', (chunk) => got.push(chunk));
    return { socket, replies: () => Buffer.concat(got).toString('hex') };
  }

  it('listens on a raw socket like port 9100 and answers on the same socket', async () => {
    sim = new PrinterSimulator();
    const listener = await sim.listenTcp(0);
    expect(listener.host).toBe('127.0.0.1');
    expect(listener.port).toBeGreaterThan(0);
    const { socket, replies } = await client(listener.port);
    socket.write(Uint8Array.of(0x10, 0x04, 0x01));
    await once(socket, 'data');
    const job = once(sim, 'job');
    socket.write(RECEIPT);
    const [printed] = (await job) as [SimulatedPrintJob];
    expect(printed.items[0]).toMatchObject({ text: '回执' });
    expect(replies()).toBe(hex(0x12));
    socket.destroy();
    await listener.close();
    await expect(client(listener.port)).rejects.toThrow();
  });

  it('keeps each connection its own stream', async () => {
    sim = new PrinterSimulator();
    const listener = await sim.listenTcp(0);
    const a = await client(listener.port);
    const b = await client(listener.port);
    const head = new EscPosBuilder().init().chineseMode(true).text('张').build();
    a.socket.write(head);
    b.socket.write(new EscPosBuilder().line('other').cut().build());
    await once(sim, 'job');
    a.socket.write(new EscPosBuilder().newline().cut().build());
    await once(sim, 'job');
    expect(sim.jobs.map((j) => j.previewText.split('\n')[0])).toEqual(['other', '张']);
    a.socket.destroy();
    b.socket.destroy();
  });

  it('closes every listener and connection on close()', async () => {
    sim = new PrinterSimulator();
    const listener = await sim.listenTcp(0);
    const { socket } = await client(listener.port);
    const closed = once(socket, 'close');
    await sim.close();
    await closed;
    await expect(client(listener.port)).rejects.toThrow();
  });
});

describe('PrinterSimulator misbehaviours', () => {
  const job = (text: string) => new EscPosBuilder().init().line(text).line(`${text} 2`).line(`${text} 3`).cut().build();
  const QUERY_ALL = Uint8Array.of(0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04);

  it.each<[string, (s: PrinterSimulator) => void, string, PrinterState]>([
    ['paper near end', (s) => s.setPaper('near-end'), '12121e', 'paper-near-end'],
    ['paper out', (s) => s.setPaper('out'), '1a327e', 'paper-out'],
    ['cover open', (s) => s.setCoverOpen(true), '1a1612', 'cover-open'],
    ['cover open with paper out', (s) => (s.setPaper('out'), s.setCoverOpen(true)), '1a367e', 'cover-open'],
    ['offline', (s) => s.setFaults([{ kind: 'offline' }]), '', 'offline'],
  ])('answers DLE EOT 1, 2, 4 for %s', async (_name, arrange, expected, state) => {
    sim = new PrinterSimulator();
    arrange(sim);
    expect(sim.state).toBe(state);
    const { host, replies } = await hostFor(sim);
    await host.write(QUERY_ALL);
    await tick();
    expect(replies()).toBe(expected);
  });

  it.each<[string, (s: PrinterSimulator) => void, (s: PrinterSimulator) => void]>([
    ['paper out', (s) => s.setPaper('out'), (s) => s.setPaper('ok')],
    ['cover open', (s) => s.setCoverOpen(true), (s) => s.setCoverOpen(false)],
    ['offline', (s) => s.setFaults([{ kind: 'offline' }]), (s) => s.clearFaults()],
  ])('keeps what it receives while %s and prints it, once, when cleared', async (_name, fault, clear) => {
    sim = new PrinterSimulator();
    fault(sim);
    const { host } = await hostFor(sim);
    await host.write(job('held'));
    await tick();
    await sim.settled();
    expect(sim.jobs).toHaveLength(0);
    expect(sim.buffered).toBe(job('held').length);
    clear(sim);
    await sim.settled();
    expect(sim.jobs.map((j) => [j.complete, j.previewText.split('\n')[0]])).toEqual([[true, 'held']]);
    expect(sim.buffered).toBe(0);
  });

  it('runs out of paper after N bytes mid-job, keeps the rest and finishes the same job when paper is loaded', async () => {
    sim = new PrinterSimulator();
    const states: PrinterState[] = [];
    sim.on('state', (s) => states.push(s));
    const bytes = job('long');
    sim.runOutOfPaperAfter(10);
    const { host, replies } = await hostFor(sim);
    await host.write(bytes);
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await tick();
    await sim.settled();
    expect(sim.state).toBe('paper-out');
    expect(replies()).toBe('7e');
    expect(sim.buffered).toBe(bytes.length - 10);
    expect(sim.jobs).toHaveLength(0);
    sim.setPaper('ok');
    await sim.settled();
    expect(states).toEqual(['paper-out', 'ready']);
    expect(sim.jobs).toHaveLength(1);
    expect(sim.jobs[0]!.complete).toBe(true);
    expect(Buffer.from(sim.jobs[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('runOutOfPaperAfter(0) empties the roll at once and refuses a negative count', () => {
    sim = new PrinterSimulator();
    sim.runOutOfPaperAfter(0);
    expect(sim.state).toBe('paper-out');
    expect(() => sim.runOutOfPaperAfter(-1)).toThrow(RangeError);
  });

  it('answers GS ( H with 37 22 id 00 once the data before it is printed, not before', async () => {
    sim = new PrinterSimulator();
    sim.runOutOfPaperAfter(5);
    const { host, replies } = await hostFor(sim);
    await host.write(Uint8Array.from([...job('a'), 0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x41, 0x42, 0x43, 0x44]));
    await tick();
    expect(replies()).toBe('');
    sim.setPaper('ok');
    await tick();
    expect(replies()).toBe('37224142434400');
    await sim.settled();
    // The process ID command is not part of the printed job.
    expect(Buffer.from(sim.jobs[0]!.bytes).equals(Buffer.from(job('a')))).toBe(true);
  });

  it('ignores GS ( H when built without process ID support', async () => {
    sim = new PrinterSimulator({ processIdResponse: false });
    const { host, replies } = await hostFor(sim);
    await host.write(Uint8Array.from([...job('a'), 0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x41, 0x42, 0x43, 0x44, 0x10, 0x04, 0x01]));
    await tick();
    expect(replies()).toBe('12');
  });

  it('split: replies go out one byte per write', async () => {
    sim = new PrinterSimulator();
    sim.setFaults([{ kind: 'split' }]);
    const { host } = await hostFor(sim);
    const chunks: string[] = [];
    host.onData((chunk) => chunks.push(chunk.toString('hex')));
    await host.write(QUERY_ALL);
    await tick();
    expect(chunks).toEqual(['12', '12', '12']);
    sim.clearFaults();
    await host.write(QUERY_ALL);
    await tick();
    expect(chunks.slice(3)).toEqual(['121212']);
  });

  it('slow: replies go out delayMs later (simulated clock)', async () => {
    const pending: { at: number; run: () => void }[] = [];
    let now = 0;
    sim = new PrinterSimulator({ timers: { setTimeout: (run, ms) => pending.push({ at: now + ms, run }), clearTimeout: () => undefined } });
    sim.setFaults([{ kind: 'slow', delayMs: 300 }]);
    const { host, replies } = await hostFor(sim);
    await host.write(Uint8Array.of(0x10, 0x04, 0x01));
    await tick();
    expect(replies()).toBe('');
    expect(pending.map((p) => p.at)).toEqual([300]);
    now = 300;
    pending.shift()!.run();
    await tick();
    expect(replies()).toBe('12');
    expect(sim.activeFaults).toEqual([{ kind: 'slow', delayMs: 300 }]);
  });

  it('a job cut short by a new ESC @ counts as incomplete, and the next one as its own job', async () => {
    sim = new PrinterSimulator();
    const { host } = await hostFor(sim);
    await host.write(Uint8Array.from([...new EscPosBuilder().init().line('torn').build(), ...job('next')]));
    await tick();
    await sim.settled();
    expect(sim.jobs.map((j) => [j.complete, j.previewText.split('\n')[0]])).toEqual([
      [false, 'torn'],
      [true, 'next'],
    ]);
  });

  it('prints what the link left in its buffer after the link closed, like a real printer', async () => {
    sim = new PrinterSimulator();
    sim.setPaper('out');
    const first = await hostFor(sim);
    await first.host.write(job('left'));
    await tick();
    await first.device.close();
    sim.setPaper('ok');
    await sim.settled();
    expect(sim.jobs.map((j) => [j.complete, j.previewText.split('\n')[0]])).toEqual([[true, 'left']]);
  });

  it('exports a TypeBox schema of the faults', () => {
    expect(Value.Check(PrinterFaultSchema, { kind: 'slow', delayMs: 10 })).toBe(true);
    expect(Value.Check(PrinterFaultSchema, { kind: 'offline' })).toBe(true);
    expect(Value.Check(PrinterFaultSchema, { kind: 'slow' })).toBe(false);
    expect(Value.Check(PrinterFaultSchema, { kind: 'melt' })).toBe(false);
  });
});
