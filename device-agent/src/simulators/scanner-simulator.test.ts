import { spawnSync } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ScannerDevice, type ScannerEvent } from '../scanner/scanner-device';
import { EvdevTransport } from '../transports/evdev-transport';
import { openTransport } from '../transports/open-transport';
import { createPtyPair } from '../transports/pty-pair';
import { socatAvailable, tempLinkPath } from '../transports/test-support';
import { ScannerSimulator, encodeBootKeyboardScan, encodeKeyboardScan } from './scanner-simulator';

/** Keeps every write and the fake-clock time it arrived at. */
function recordingSink() {
  const writes: { at: number; bytes: Buffer }[] = [];
  return { writes, sink: { write: async (data: Uint8Array) => void writes.push({ at: Date.now(), bytes: Buffer.from(data) }) } };
}

afterEach(() => vi.useRealTimers());

describe('ScannerSimulator, serial mode', () => {
  it('writes the UTF-8 bytes of the code and the chosen terminator', async () => {
    const sim = new ScannerSimulator();
    const { writes, sink } = recordingSink();
    sim.attach(sink);
    await sim.scan('YL1');
    await sim.scan('YL2', { terminator: 'crlf' });
    await sim.scan('YL3', { terminator: 'lf' });
    await sim.scan('码', { terminator: 'none' });
    expect(writes.map((w) => w.bytes.toString('hex'))).toEqual(['594c310d', '594c320d0a', '594c330a', 'e7a081']);
  });

  it('splits its writes and pauses between them on the injected clock', async () => {
    vi.useFakeTimers({ now: 0 });
    const sim = new ScannerSimulator({ chunkSize: 4, gapMs: 30 });
    const { writes, sink } = recordingSink();
    sim.attach(sink);
    const done = sim.scan('ABCDEFGHIJ', { terminator: 'none' });
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(writes.map((w) => [w.at, w.bytes.toString()])).toEqual([[0, 'ABCD'], [30, 'EFGH'], [60, 'IJ']]);
  });

  it('never interleaves two scans started together', async () => {
    vi.useFakeTimers();
    const sim = new ScannerSimulator({ chunkSize: 1, gapMs: 5 });
    const { writes, sink } = recordingSink();
    sim.attach(sink);
    void sim.scan('AB');
    void sim.scan('CD');
    await vi.advanceTimersByTimeAsync(100);
    await sim.settled();
    expect(Buffer.concat(writes.map((w) => w.bytes)).toString()).toBe('AB\rCD\r');
  });

  it('refuses to scan before it is attached', async () => {
    await expect(new ScannerSimulator().scan('x')).rejects.toThrow(/not attached/);
  });
});

describe('ScannerSimulator, keyboard mode', () => {
  it('types a shifted letter as a Linux keyboard does: Shift, MSC_SCAN, press, SYN, release, SYN, Shift up', () => {
    const bytes = encodeKeyboardScan('Y', { eventSize: 24, startMs: 1_000, enter: false });
    const records = Array.from({ length: bytes.length / 24 }, (_, i) => bytes.subarray(i * 24, i * 24 + 24));
    // [type, code, value] of each record, read at the struct's offsets 16, 18, 20.
    expect(records.map((r) => [r.readUInt16LE(16), r.readUInt16LE(18), r.readInt32LE(20)])).toEqual([
      [1, 42, 1], [4, 4, 21], [1, 21, 1], [0, 0, 0], [1, 21, 0], [0, 0, 0], [1, 42, 0], [0, 0, 0],
    ]);
    expect(Number(records[0]!.readBigInt64LE(0))).toBe(1); // tv_sec
    expect(Number(records[4]!.readBigInt64LE(8))).toBe(1000); // tv_usec, 1 ms later
  });

  it('ends with Enter (KEY_ENTER 28) and writes 16-byte records for 32-bit machines', () => {
    const bytes = encodeKeyboardScan('1', { eventSize: 16 });
    expect(bytes.length % 16).toBe(0);
    const codes = Array.from({ length: bytes.length / 16 }, (_, i) => bytes.subarray(i * 16)).filter((r) => r.readUInt16LE(8) === 1 && r.readInt32LE(12) === 1).map((r) => r.readUInt16LE(10));
    expect(codes).toEqual([2, 28]);
  });

  it('writes HID boot reports: press then release, Shift in the modifier byte', () => {
    expect(encodeBootKeyboardScan('a', { enter: false }).toString('hex')).toBe('0000040000000000' + '0000000000000000');
    expect(encodeBootKeyboardScan('A', { enter: true }).toString('hex')).toBe('0200040000000000' + '0000000000000000' + '0000280000000000' + '0000000000000000');
  });
});

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function collect(device: ScannerDevice, count: number): Promise<ScannerEvent[]> {
  const events: ScannerEvent[] = [];
  return new Promise((resolve) => {
    const off = device.on((e) => {
      if (e.type === 'scanner.state') return;
      events.push(e);
      if (events.length === count) {
        off();
        resolve(events);
      }
    });
  });
}

describe.runIf(spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0)('keyboard scans through a pipe read by the evdev transport', () => {
  it('decodes real input_event bytes, split writes and garbage included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eldercare-evdev-'));
    dirs.push(dir);
    const fifo = join(dir, 'event-kbd');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const transport = new EvdevTransport(`evdev:${fifo}`, { path: fifo, readPollMs: 2 });
    const device = new ScannerDevice(`evdev:${fifo}`, transport, { mode: 'keyboard', inputEventSize: 24 });
    device.start();
    const writer = await open(fifo, 'w'); // the reader side is open: this does not block
    const sim = new ScannerSimulator({ mode: 'keyboard', inputEventSize: 24 });
    sim.attach({ write: async (data) => void (await writer.write(data)) });
    const events = collect(device, 3);
    await sim.scan('ELQ1:CN-XINJING:20261122:A012', { chunkSize: 50 }); // 50 bytes: records split mid-way
    await sim.garbage(encodeKeyboardScan('www.example.com', { eventSize: 24 }));
    await sim.scan('SSM:AbCdEfGhIjKlMnOp');
    expect(await events).toEqual([
      { type: 'scan.read', scan: { kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-11-22', ticketNo: 'A012' } },
      { type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' },
      { type: 'scan.read', scan: { kind: 'suishenma', token: 'AbCdEfGhIjKlMnOp' } },
    ]);
    expect(device.status).toEqual({ address: `evdev:${fifo}`, mode: 'keyboard', state: 'ready' });
    await writer.close();
    await device.close();
  });
});

describe.runIf(socatAvailable())('serial scans over a pseudo-terminal (socat)', () => {
  it('reaches the scanner driver through the real serial transport', async () => {
    const pair = await createPtyPair(tempLinkPath('scanner'), tempLinkPath('scanner-sim'));
    try {
      const address = `serial:${pair.agentPath}?baud=9600`;
      const device = new ScannerDevice(address, await openTransport(address));
      device.start();
      const simEnd = await openTransport(`file:${pair.simPath}`);
      const sim = new ScannerSimulator({ chunkSize: 5 });
      sim.attach(simEnd);
      const events = collect(device, 2);
      await sim.scan('YL20261122000123');
      await sim.scan('hello');
      expect(await events).toEqual([
        { type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } },
        { type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' },
      ]);
      await device.close();
      await simEnd.close();
    } finally {
      await pair.close();
    }
  });
});
