import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HID_REPORTS } from './device-address';
import { HidTransport, type HidDeviceHandle, type NodeHidModule } from './hid-transport';
import { TransportUnavailableError } from './transport-errors';

/** A HID device in memory, shaped like node-hid's HIDAsync: what the transport writes is kept. */
class MemoryHidDevice extends EventEmitter implements HidDeviceHandle {
  readonly written: Buffer[] = [];
  closed = false;
  async write(report: Buffer): Promise<number> {
    if (this.closed) throw new Error('device closed');
    this.written.push(Buffer.from(report));
    return report.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

function hidModule(device: MemoryHidDevice, opened: [number, number][] = []): () => Promise<NodeHidModule> {
  return async () => ({
    HIDAsync: {
      open: async (vid: number, pid: number) => {
        opened.push([vid, pid]);
        return device;
      },
    },
  });
}

describe('HidTransport', () => {
  it('opens the device by vendor/product id, frames writes into reports and deframes reports into bytes', async () => {
    const device = new MemoryHidDevice();
    const opened: [number, number][] = [];
    const transport = new HidTransport('hid:0416:5011', { vendorId: 0x0416, productId: 0x5011, reports: { ...DEFAULT_HID_REPORTS, reportSize: 8 }, loadModule: hidModule(device, opened) });
    await transport.open();
    expect(opened).toEqual([[0x0416, 0x5011]]);

    await transport.write(Buffer.from('0123456789'));
    expect(device.written.map((r) => [...r])).toEqual([
      [0, 7, ...Buffer.from('0123456')],
      [0, 3, ...Buffer.from('789'), 0, 0, 0, 0],
    ]);

    const received: Buffer[] = [];
    transport.onData((chunk) => received.push(chunk));
    device.emit('data', Buffer.from([2, 0x90, 0x9f, 0, 0, 0, 0, 0]));
    device.emit('data', Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])); // empty report: nothing to pass on
    device.emit('data', Buffer.from([9, 1, 1, 1, 1, 1, 1, 1])); // malformed: dropped
    expect(received).toEqual([Buffer.from([0x90, 0x9f])]);
    await transport.close();
    expect(device.closed).toBe(true);
    expect(transport.isOpen).toBe(false);
  });

  it('passes whole reports through in raw framing', async () => {
    const device = new MemoryHidDevice();
    const transport = new HidTransport('hid:0416:5011?framing=raw&reportSize=8', { vendorId: 1, productId: 2, reports: { framing: 'raw', reportId: 0, reportSize: 8 }, loadModule: hidModule(device) });
    await transport.open();
    const received: Buffer[] = [];
    transport.onData((chunk) => received.push(chunk));
    const report = Buffer.from([0x02, 0, 0x1c, 0, 0, 0, 0, 0]);
    device.emit('data', report);
    expect(received).toEqual([report]);
    await transport.close();
  });

  it('reports the device lost when node-hid reports an error (unplugged), and can open again', async () => {
    const device = new MemoryHidDevice();
    const transport = new HidTransport('hid:0416:5011', { vendorId: 1, productId: 2, reports: DEFAULT_HID_REPORTS, loadModule: hidModule(device) });
    await transport.open();
    const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    device.emit('error', new Error('could not read from HID device'));
    const err = await closed;
    expect(err?.message).toContain('could not read from HID device');
    expect(transport.isOpen).toBe(false);
    expect(device.closed).toBe(true);
    await expect(transport.write(Buffer.from([1]))).rejects.toMatchObject({ code: 'TRANSPORT_NOT_OPEN' });
    await transport.open();
    expect(transport.isOpen).toBe(true);
    await transport.close();
  });

  it('turns a node-hid that cannot load into TRANSPORT_UNAVAILABLE, not a crash', async () => {
    const transport = new HidTransport('hid:0416:5011', {
      vendorId: 1, productId: 2, reports: DEFAULT_HID_REPORTS,
      loadModule: () => Promise.reject(new Error('libudev.so.1: cannot open shared object file')),
    });
    const err = await transport.open().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TransportUnavailableError);
    expect((err as Error).message).toMatch(/node-hid.*libudev/);
  });

  it('opens the real node-hid lazily and reports an absent device as TRANSPORT_OPEN_FAILED', async () => {
    const transport = new HidTransport('hid:0400:c35a', { vendorId: 0x0400, productId: 0xc35a, reports: DEFAULT_HID_REPORTS });
    const err = (await transport.open().then(() => undefined, (e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('TRANSPORT_OPEN_FAILED');
    // node-hid itself said so: the module loaded and was called correctly.
    expect(err.message).toMatch(/hid:0400:c35a.*(cannot open device|No HID devices)/);
  });
});
