import { connect, type Socket } from 'node:net';
import type { ReceiptDocument } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeReceipt } from '../escpos/encode-receipt';
import { PrinterSimulator } from '../simulators/printer-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { createDuplexPair } from '../transports/duplex-pair';
import { ReceiptPrinter } from './receipt-printer';

const DOC: ReceiptDocument = {
  id: 'app-SQ1-receipt',
  blocks: [
    { kind: 'heading', text: '受理回执' },
    { kind: 'field', label: '申请编号', value: 'SQ20240501000123' },
    { kind: 'qr', data: 'SQ20240501000123', caption: '扫码查询进度' },
  ],
};

const LONG_DOC: ReceiptDocument = {
  id: 'long',
  blocks: Array.from({ length: 30 }, (_, i) => ({ kind: 'text' as const, text: `第 ${i + 1} 行` })),
};

/** A raw TCP client transport, as the agent would open for tcp:host:9100. */
function tcpTransport(host: string, port: number): ByteTransport {
  let socket: Socket | null = null;
  const dataListeners = new Set<(chunk: Buffer) => void>();
  const closeListeners = new Set<(err?: Error) => void>();
  return {
    address: `tcp:${host}:${port}`,
    get isOpen() {
      return socket !== null;
    },
    open: () =>
      new Promise<void>((resolve, reject) => {
        const s = connect(port, host, () => {
          socket = s;
          s.off('error', reject);
          resolve();
        });
        s.once('error', reject);
        s.on('data', (chunk) => dataListeners.forEach((l) => l(chunk)));
        s.on('close', () => {
          socket = null;
          closeListeners.forEach((l) => l());
        });
      }),
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (!socket) return reject(new Error('not open'));
        socket.write(bytes, (err) => (err ? reject(err) : resolve()));
      }),
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: async () => {
      const s = socket;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.end();
      });
    },
  };
}

/** Records what the printer side was sent, to prove a refused job sends nothing but status queries. */
function recording(transport: ByteTransport): { transport: ByteTransport; written: () => string[] } {
  const writes: Uint8Array[] = [];
  const wrapped: ByteTransport = {
    address: transport.address,
    get isOpen() {
      return transport.isOpen;
    },
    open: () => transport.open(),
    write: (data) => {
      writes.push(data.slice());
      return transport.write(data);
    },
    onData: (l) => transport.onData(l),
    onClose: (l) => transport.onClose(l),
    close: () => transport.close(),
  };
  return { transport: wrapped, written: () => writes.map((w) => Buffer.from(w).toString('hex')) };
}

type Link = { printer: ReceiptPrinter; sim: PrinterSimulator; written: () => string[]; close: () => Promise<void> };

async function duplexLink(sim: PrinterSimulator, statusTimeoutMs?: number): Promise<Link> {
  const [agentEnd, printerEnd] = createDuplexPair();
  await sim.attach(printerEnd);
  const rec = recording(agentEnd);
  const printer = new ReceiptPrinter(rec.transport, statusTimeoutMs === undefined ? {} : { statusTimeoutMs });
  return { printer, sim, written: rec.written, close: async () => (printer.dispose(), await agentEnd.close(), await sim.close()) };
}

async function tcpLink(sim: PrinterSimulator, statusTimeoutMs = 150): Promise<Link> {
  const listener = await sim.listenTcp(0);
  const rec = recording(tcpTransport('127.0.0.1', listener.port));
  await rec.transport.open();
  const printer = new ReceiptPrinter(rec.transport, { statusTimeoutMs });
  return { printer, sim, written: rec.written, close: async () => (printer.dispose(), await rec.transport.close(), await sim.close()) };
}

const QUERIES = ['100401', '100402', '100404'];

describe.each([
  ['an in-memory duplex pair', duplexLink],
  ['a TCP socket on 127.0.0.1', tcpLink],
])('ReceiptPrinter and PrinterSimulator over %s', (_name, link) => {
  let l: Link;
  beforeEach(async () => {
    l = await link(new PrinterSimulator());
  });
  afterEach(async () => {
    await l.close();
  });

  it('sends a job and its process ID; the printer echoes the ID once the job is on paper', async () => {
    const bytes = encodeReceipt(DOC);
    expect(await l.printer.send(bytes, 'ABCD')).toBe('sent');
    expect(await l.printer.waitForProcessId('ABCD', 1000)).toBe(true);
    await l.sim.settled();
    expect(l.sim.jobs).toHaveLength(1);
    const job = l.sim.jobs[0]!;
    expect(job.complete).toBe(true);
    expect(Buffer.from(job.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(job.items.filter((i) => i.kind === 'text').map((i) => i.text)).toEqual(['受理回执', '申请编号：SQ20240501000123', '扫码查询进度']);
    expect(l.written()).toEqual([Buffer.from(bytes).toString('hex') + '1d28480600303041424344']);
  });

  it('reports status with the raw replies', async () => {
    expect(await l.printer.queryStatus()).toEqual({ state: 'ready', raw: { printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 } });
    l.sim.setCoverOpen(true);
    expect(await l.printer.queryStatus()).toEqual({ state: 'cover-open', raw: { printer: 0x1a, offlineCause: 0x16, paperSensor: 0x12 } });
    expect(l.printer.state).toBe('cover-open');
    expect(l.written()).toEqual([...QUERIES, ...QUERIES]);
  });

  it('sees paper run out in the middle of a job; the echo comes once paper is loaded', async () => {
    l.sim.runOutOfPaperAfter(40);
    expect(await l.printer.send(encodeReceipt(LONG_DOC), 'BCDE')).toBe('sent');
    expect((await l.printer.queryStatus()).state).toBe('paper-out');
    l.sim.setPaper('ok');
    expect(await l.printer.waitForProcessId('BCDE', 1000)).toBe(true);
    expect((await l.printer.queryStatus()).state).toBe('ready');
    await l.sim.settled();
    expect(l.sim.jobs.map((j) => j.complete)).toEqual([true]);
  });

  it('keeps status replies and process ID echoes apart when the printer splits its replies', async () => {
    l.sim.setFaults([{ kind: 'split' }]);
    await l.printer.send(encodeReceipt(DOC), 'CDDD');
    expect((await l.printer.queryStatus()).state).toBe('ready');
    expect(await l.printer.waitForProcessId('CDDD', 1000)).toBe(true);
  });

  it('runs concurrent callers one exchange at a time', async () => {
    const bytes = encodeReceipt(DOC);
    const results = await Promise.all([l.printer.queryStatus(), l.printer.send(bytes), l.printer.queryStatus(), l.printer.send(bytes)]);
    expect(results.map((r) => (typeof r === 'string' ? r : r.state))).toEqual(['ready', 'sent', 'ready', 'sent']);
    // Every query waits for its answer before anything else is written, so the writes come in whole polls.
    const job = Buffer.from(bytes).toString('hex');
    expect(l.written()).toEqual([...QUERIES, job, ...QUERIES, job]);
  });
});

describe('ReceiptPrinter with no answer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts a printer that does not answer within the timeout as offline (duplex, simulated clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const l = await duplexLink(new PrinterSimulator({ state: 'offline' }));
    const result = l.printer.queryStatus();
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).state).toBe('offline');
    expect(l.written()).toEqual(['100401']); // gives up after the first unanswered query
    await l.close();
  });

  it('gives up waiting for a process ID after the timeout (simulated clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const l = await duplexLink(new PrinterSimulator({ processIdResponse: false }));
    await l.printer.send(encodeReceipt(DOC), 'ABCD');
    const waiting = l.printer.waitForProcessId('ABCD', 500);
    await vi.advanceTimersByTimeAsync(500);
    expect(await waiting).toBe(false);
    await l.close();
  });

  it('counts a silent TCP printer as offline after a short timeout', async () => {
    const l = await tcpLink(new PrinterSimulator({ state: 'offline' }), 50);
    const started = Date.now();
    expect(await l.printer.queryStatus()).toEqual({ state: 'offline', raw: { printer: null, offlineCause: null, paperSensor: null } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    l.sim.setState('ready');
    expect((await l.printer.queryStatus()).state).toBe('ready');
    await l.close();
  });
});

describe('ReceiptPrinter protocol edges (a scripted peer on the other end)', () => {
  let agentEnd: ByteTransport;
  let peer: ByteTransport;
  let received: string[];
  beforeEach(async () => {
    [agentEnd, peer] = createDuplexPair();
    await peer.open();
    received = [];
    peer.onData((chunk) => received.push(chunk.toString('hex')));
  });

  it('opens a closed transport itself', async () => {
    peer.onData(() => void peer.write(Uint8Array.of(0x12)));
    const printer = new ReceiptPrinter(agentEnd);
    expect(agentEnd.isOpen).toBe(false);
    expect((await printer.queryStatus()).state).toBe('ready');
    expect(agentEnd.isOpen).toBe(true);
  });

  it('ignores bytes that are not status replies and takes the first that is', async () => {
    peer.onData((chunk) => void peer.write(Uint8Array.of(0x00, 0xff, chunk[2] === 4 ? 0x1e : 0x12, 0x1a)));
    const printer = new ReceiptPrinter(agentEnd);
    expect(await printer.queryStatus()).toEqual({ state: 'paper-near-end', raw: { printer: 0x12, offlineCause: 0x12, paperSensor: 0x1e } });
  });

  it('keeps a process ID that arrives before anyone waits for it, and never takes its bytes for status', async () => {
    // '2' and 'R' inside the block would pass as status bytes on their own.
    peer.onData((chunk) => void peer.write(chunk[0] === 0x10 ? Uint8Array.of(0x37, 0x22, 0x32, 0x52, 0x32, 0x52, 0x00, chunk[2] === 4 ? 0x1e : 0x12) : new Uint8Array(0)));
    const printer = new ReceiptPrinter(agentEnd);
    expect((await printer.queryStatus()).state).toBe('paper-near-end');
    expect(await printer.waitForProcessId('2R2R', 10)).toBe(true);
  });

  it('drops a late reply instead of taking it as the answer to the next query', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const printer = new ReceiptPrinter(agentEnd, { statusTimeoutMs: 100 });
      const first = printer.queryStatus();
      await vi.advanceTimersByTimeAsync(100);
      expect((await first).state).toBe('offline');
      await peer.write(Uint8Array.of(0x1a)); // the late answer "offline" to the timed-out query
      await Promise.resolve();
      peer.onData((chunk) => void peer.write(Uint8Array.of(chunk[2] === 4 ? 0x1e : 0x12)));
      expect((await printer.queryStatus()).state).toBe('paper-near-end');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers offline at once when the link closes mid-query', async () => {
    const printer = new ReceiptPrinter(agentEnd, { statusTimeoutMs: 60_000 });
    await agentEnd.open();
    peer.onData(() => void agentEnd.close());
    expect((await printer.queryStatus()).state).toBe('offline');
  });

  it('says not-connected when the transport cannot be opened: nothing reached the printer', async () => {
    const broken: ByteTransport = {
      address: 'tcp:192.0.2.1:9100',
      isOpen: false,
      open: () => Promise.reject(new Error('ECONNREFUSED')),
      write: () => Promise.reject(new Error('not open')),
      onData: () => () => undefined,
      onClose: () => () => undefined,
      close: () => Promise.resolve(),
    };
    const printer = new ReceiptPrinter(broken);
    expect(await printer.send(encodeReceipt(DOC))).toBe('not-connected');
    expect((await printer.queryStatus()).state).toBe('offline');
  });

  it('says write-failed when writing the bytes fails: some may have reached the printer', async () => {
    const flaky: ByteTransport = {
      ...agentEnd,
      address: agentEnd.address,
      isOpen: true,
      open: () => agentEnd.open(),
      onData: (l) => agentEnd.onData(l),
      onClose: (l) => agentEnd.onClose(l),
      close: () => agentEnd.close(),
      write: () => Promise.reject(new Error('EPIPE')),
    };
    await agentEnd.open();
    const printer = new ReceiptPrinter(flaky);
    expect(await printer.send(encodeReceipt(DOC))).toBe('write-failed');
    expect(printer.state).toBe('offline');
  });
});
