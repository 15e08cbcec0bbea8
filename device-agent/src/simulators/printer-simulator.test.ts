import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import type { PrinterState } from '@eldercare/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../escpos/escpos-builder';
import { encodeReceipt } from '../escpos/encode-receipt';
import type { ByteTransport } from '../transports/byte-transport';
import { createDuplexPair } from '../transports/duplex-pair';
import { PrinterSimulator, type SimulatedPrintJob } from './printer-simulator';

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

  it.each<PrinterState>(['paper-out', 'cover-open', 'offline'])('prints nothing while %s and discards what it receives', async (state) => {
    sim = new PrinterSimulator({ state });
    const { host } = await hostFor(sim);
    await host.write(RECEIPT);
    await tick();
    sim.setState('ready');
    await host.write(new EscPosBuilder().line('after').cut().build());
    await tick();
    await sim.settled();
    expect(sim.jobs).toHaveLength(1);
    expect(sim.jobs[0]!.items[0]).toMatchObject({ text: 'after' });
  });

  it('stops a job where the paper runs out and keeps what was printed', async () => {
    sim = new PrinterSimulator({ nearEndLines: 2 });
    sim.loadPaper(3);
    const { host, replies } = await hostFor(sim);
    const job = new EscPosBuilder().init().line('1').line('2').line('3').line('4').cut().build();
    await host.write(job);
    await host.write(Uint8Array.of(0x10, 0x04, 0x04));
    await tick();
    await sim.settled();
    expect(sim.state).toBe('paper-out');
    expect(sim.paperRemaining).toBe(0);
    expect(replies()).toBe('7e');
    expect(sim.jobs).toHaveLength(1);
    expect(sim.jobs[0]!.complete).toBe(false);
    expect(sim.jobs[0]!.items.map((i) => (i.kind === 'text' ? i.text : i.kind))).toEqual(['1', '2', '3']);
  });

  it('trips the near-end sensor as a finite roll runs down', async () => {
    sim = new PrinterSimulator({ nearEndLines: 5 });
    sim.loadPaper(8);
    expect(sim.state).toBe('ready');
    const { host } = await hostFor(sim);
    await host.write(new EscPosBuilder().line('a').feed(3).build());
    await tick();
    expect(sim.paperRemaining).toBe(4);
    expect(sim.state).toBe('paper-near-end');
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
