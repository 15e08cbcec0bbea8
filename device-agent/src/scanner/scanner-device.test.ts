import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScannerSimulator, encodeBootKeyboardScan } from '../simulators/scanner-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { createDuplexPair } from '../transports/duplex-pair';
import { TransportOpenFailedError } from '../transports/transport-errors';
import { TransportListeners } from '../transports/transport-listeners';
import { ScannerDevice, type ScannerDeviceOptions, type ScannerEvent } from './scanner-device';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const settle = () => vi.advanceTimersByTimeAsync(0);

async function rig(options: ScannerDeviceOptions = {}, simMode: 'serial' | 'keyboard' = 'serial') {
  const [agentEnd, simEnd] = createDuplexPair('sim:');
  await simEnd.open();
  const sim = new ScannerSimulator({ mode: simMode, inputEventSize: 24 });
  sim.attach(simEnd);
  const device = new ScannerDevice('sim:', agentEnd, { inputEventSize: 24, ...options });
  const events: ScannerEvent[] = [];
  device.on((e) => events.push(e));
  device.start();
  await settle();
  const scans = () => events.filter((e) => e.type !== 'scanner.state');
  return { device, sim, simEnd, events, scans };
}

describe('ScannerDevice, serial mode', () => {
  it('is ready once the link is open, and reports each valid scan as scan.read', async () => {
    const { device, sim, scans } = await rig();
    expect(device.status).toEqual({ address: 'sim:', mode: 'serial', state: 'ready' });
    await sim.scan('YL20261122000123');
    await sim.scan('ELQ1:CN-XINJING:20261122:A012', { terminator: 'crlf' });
    await settle();
    expect(scans()).toEqual([
      { type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } },
      { type: 'scan.read', scan: { kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-11-22', ticketNo: 'A012' } },
    ]);
    await device.close();
  });

  it('frames a scan without terminator by the inter-byte timeout, across split writes with gaps below it', async () => {
    const { device, sim, scans } = await rig({ interByteTimeoutMs: 50 });
    const writing = sim.scan('SSM:0123456789abcdefXYZ', { terminator: 'none', chunkSize: 3, gapMs: 40 });
    await vi.advanceTimersByTimeAsync(40 * 7);
    await writing;
    expect(scans()).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(scans()).toEqual([{ type: 'scan.read', scan: { kind: 'suishenma', token: '0123456789abcdefXYZ' } }]);
    await device.close();
  });

  it('rejects what is none of ours with a code, and carries on', async () => {
    const { device, sim, scans } = await rig();
    await sim.scan('6901234567892'); // a shop EAN-13
    await sim.garbage(Buffer.from([0xff, 0xfe, 0x41, 0x0d])); // not UTF-8
    await sim.garbage(Buffer.from([0x02, 0x41, 0x42, 0x03, 0x0d])); // STX…ETX framing
    await sim.garbage(Buffer.concat([Buffer.alloc(3000, 0x41), Buffer.from('\r')]));
    await sim.scan('YL20261330000123');
    await sim.scan('YL20261122000124');
    await settle();
    expect(scans()).toEqual([
      { type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' },
      { type: 'scan.rejected', code: 'SCAN_INVALID_ENCODING' },
      { type: 'scan.rejected', code: 'SCAN_INVALID_CHARACTERS' },
      { type: 'scan.rejected', code: 'SCAN_TOO_LONG' },
      { type: 'scan.rejected', code: 'SCAN_INVALID_DATE' },
      { type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000124' } },
    ]);
    await device.close();
  });

  it('decodes UTF-8 split inside a character', async () => {
    const { device, sim, scans } = await rig();
    await sim.scan('码', { chunkSize: 1 });
    await settle();
    // Decoded as one character (not U+FFFD pieces), then rejected as none of ours.
    expect(scans()).toEqual([{ type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' }]);
    await device.close();
  });

  it('accepts personal-code links only for configured hosts', async () => {
    const { device, sim, scans } = await rig({ parse: { personalCodeHosts: ['code.example.cn'] } });
    await sim.scan('https://code.example.cn/c/abc');
    await sim.scan('https://elsewhere.example.com/c/abc');
    await settle();
    expect(scans()).toEqual([
      { type: 'scan.read', scan: { kind: 'suishenma', token: 'https://code.example.cn/c/abc' } },
      { type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' },
    ]);
    await device.close();
  });
});

describe('ScannerDevice, keyboard mode', () => {
  it('decodes evdev key events typed by a wedge, Enter ending each scan', async () => {
    const { device, sim, scans } = await rig({ mode: 'keyboard' }, 'keyboard');
    expect(device.status.mode).toBe('keyboard');
    await sim.scan('ELQ1:CN-XINJING:20261122:A012');
    await sim.scan('YL20261122000123', { chunkSize: 7 });
    await sim.scan('中文'); // a US-layout wedge cannot type it
    await settle();
    expect(scans()).toEqual([
      { type: 'scan.read', scan: { kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-11-22', ticketNo: 'A012' } },
      { type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } },
      { type: 'scan.rejected', code: 'SCAN_INVALID_CHARACTERS' },
    ]);
    await device.close();
  });

  it('ends a scan without Enter after the keyboard idle time', async () => {
    const { device, sim, scans } = await rig({ mode: 'keyboard', keyboardIdleMs: 300 }, 'keyboard');
    await sim.scan('YL20261122000123', { enter: false });
    await vi.advanceTimersByTimeAsync(299);
    expect(scans()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(scans()).toEqual([{ type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } }]);
    await device.close();
  });

  it('decodes HID boot-keyboard reports', async () => {
    const { device, sim, scans } = await rig({ mode: 'keyboard', keyboardProtocol: 'hid-boot' });
    await sim.garbage(encodeBootKeyboardScan('SSM:ABCDEFGHijklmnop_-'), { chunkSize: 8 });
    await settle();
    expect(scans()).toEqual([{ type: 'scan.read', scan: { kind: 'suishenma', token: 'ABCDEFGHijklmnop_-' } }]);
    await device.close();
  });
});

/** A link that can be absent (open fails) or pulled out (closes with an error), around a duplex end. */
class PluggableTransport implements ByteTransport {
  present = false;
  private readonly listeners = new TransportListeners();
  constructor(private readonly inner: ByteTransport) {
    inner.onData((chunk) => this.listeners.emitData(chunk));
  }
  get address() { return 'serial:/dev/ttyACM0'; }
  get isOpen() { return this.inner.isOpen; }
  async open() {
    if (!this.present) throw new TransportOpenFailedError(this.address, '/dev/ttyACM0 does not exist');
    await this.inner.open();
  }
  write(data: Uint8Array) { return this.inner.write(data); }
  onData(l: (c: Buffer) => void) { return this.listeners.onData(l); }
  onClose(l: (err?: Error) => void) { return this.listeners.onClose(l); }
  async close() { await this.inner.close(); this.listeners.emitClose(); }
  async unplug() {
    this.present = false;
    await this.inner.close();
    this.listeners.emitClose(new Error('/dev/ttyACM0 has gone'));
  }
}

describe('ScannerDevice link', () => {
  it('is offline while the scanner is absent, retries every 2 s, and drops a half scan when unplugged', async () => {
    const [agentEnd, simEnd] = createDuplexPair('serial:/dev/ttyACM0');
    await simEnd.open();
    const link = new PluggableTransport(agentEnd);
    const device = new ScannerDevice('serial:/dev/ttyACM0', link);
    const events: ScannerEvent[] = [];
    device.on((e) => events.push(e));
    device.start();
    await settle();
    expect(device.status).toEqual({ address: 'serial:/dev/ttyACM0', mode: 'serial', state: 'offline', lastError: 'TRANSPORT_OPEN_FAILED' });

    link.present = true;
    await vi.advanceTimersByTimeAsync(1999);
    expect(device.status.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(1);
    expect(device.status).toEqual({ address: 'serial:/dev/ttyACM0', mode: 'serial', state: 'ready' });

    await simEnd.write(Buffer.from('YL2026112'));
    await settle();
    await link.unplug();
    expect(device.status).toMatchObject({ state: 'offline', lastError: 'SCANNER_DISCONNECTED' });
    link.present = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(device.status.state).toBe('ready');
    await simEnd.write(Buffer.from('2000123\rYL20261122000123\r'));
    await settle();
    expect(events.filter((e) => e.type === 'scanner.state').map((e) => e.type === 'scanner.state' && e.state)).toEqual(['offline', 'ready', 'offline', 'ready']);
    // The half scan from before the unplug did not join the next bytes into a code.
    expect(events.filter((e) => e.type !== 'scanner.state')).toEqual([
      { type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' },
      { type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } },
    ]);
    await device.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(device.status.state).toBe('offline');
  });
});
