import { describe, expect, it } from 'vitest';
import { TransportOpenFailedError, TransportUnavailableError } from './transport-errors';
import type { UsbConfigurationInfo } from './usb-endpoints';
import { UsbTransport, type UsbDeviceHandle, type UsbModule } from './usb-transport';

const PRINTER_CONFIG: UsbConfigurationInfo = {
  configurationValue: 1,
  interfaces: [
    { interfaceNumber: 0, alternates: [{ alternateSetting: 0, interfaceClass: 3, endpoints: [{ endpointNumber: 1, direction: 'in', type: 'interrupt', packetSize: 8 }] }] },
    { interfaceNumber: 1, alternates: [{ alternateSetting: 0, interfaceClass: 7, endpoints: [
      { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 },
      { endpointNumber: 3, direction: 'in', type: 'bulk', packetSize: 64 },
    ] }] },
  ],
};

/**
 * A USB printer in memory with the usb package's device shape: a kernel driver may hold an
 * interface (claim fails until it is detached), bulk IN answers from a queue, bulk OUT is kept.
 */
class MemoryUsbDevice implements UsbDeviceHandle {
  configuration: UsbConfigurationInfo | null = PRINTER_CONFIG;
  readonly log: string[] = [];
  readonly out: Buffer[] = [];
  kernelDriverOn = new Set<number>();
  private readonly inQueue: Buffer[] = [];
  private waiting: ((v: { data?: DataView; status: string }) => void) | undefined;
  private fail: ((err: Error) => void) | undefined;

  async open() { this.log.push('open'); }
  async close() { this.log.push('close'); }
  async selectConfiguration(v: number) { this.log.push(`config ${v}`); }
  async claimInterface(n: number) {
    if (this.kernelDriverOn.has(n)) throw new Error('Device or resource busy');
    this.log.push(`claim ${n}`);
  }
  async releaseInterface(n: number) { this.log.push(`release ${n}`); }
  async selectAlternateInterface(n: number, a: number) { this.log.push(`alt ${n} ${a}`); }
  async detachKernelDriver(n: number) { this.kernelDriverOn.delete(n); this.log.push(`detach ${n}`); }
  async attachKernelDriver(n: number) { this.kernelDriverOn.add(n); this.log.push(`attach ${n}`); }
  transferIn(ep: number, length: number): Promise<{ data?: DataView; status: string }> {
    this.log.push(`in ${ep} ${length}`);
    const next = this.inQueue.shift();
    if (next) return Promise.resolve({ data: new DataView(next.buffer, next.byteOffset, next.byteLength), status: 'ok' });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.fail = reject;
    });
  }
  async transferOut(ep: number, data: Uint8Array) {
    this.out.push(Buffer.from(data));
    this.log.push(`out ${ep} ${data.length}`);
    return { bytesWritten: data.length, status: 'ok' };
  }
  /** The device sends bytes on bulk IN. */
  send(bytes: Buffer) {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting({ data: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), status: 'ok' });
    else this.inQueue.push(bytes);
  }
  /** The pending bulk IN ends as nusb ends it: with a timeout, or with the device gone. */
  endPendingRead(message: string) {
    const fail = this.fail;
    this.waiting = undefined;
    this.fail = undefined;
    fail?.(new Error(message));
  }
}

const usbModule = (device: UsbDeviceHandle | undefined): (() => Promise<UsbModule>) => async () => ({ findDevice: async () => device });

function nextData(transport: UsbTransport): Promise<Buffer> {
  return new Promise((resolve) => {
    const off = transport.onData((chunk) => {
      off();
      resolve(chunk);
    });
  });
}

describe('UsbTransport', () => {
  it('claims the bulk interface, detaching the kernel driver that holds it, and re-attaches it on close', async () => {
    const device = new MemoryUsbDevice();
    device.kernelDriverOn.add(1); // usblp
    const transport = new UsbTransport('usb:0416:5011', { vendorId: 0x0416, productId: 0x5011, loadModule: usbModule(device) });
    await transport.open();
    expect(device.log.slice(0, 3)).toEqual(['open', 'detach 1', 'claim 1']);

    await transport.write(Buffer.from([0x10, 0x04, 0x01]));
    expect(device.out).toEqual([Buffer.from([0x10, 0x04, 0x01])]);
    expect(device.log).toContain('out 2 3');

    const reply = nextData(transport);
    device.send(Buffer.from([0x12]));
    expect(await reply).toEqual(Buffer.from([0x12]));
    expect(device.log).toContain('in 3 512');

    const closing = transport.close();
    device.endPendingRead('transfer timed out');
    await closing;
    expect(device.log.slice(-3)).toEqual(['release 1', 'attach 1', 'close']);
    expect(transport.isOpen).toBe(false);
  });

  it('does not touch the kernel driver when the interface is free', async () => {
    const device = new MemoryUsbDevice();
    const transport = new UsbTransport('usb:0416:5011', { vendorId: 1, productId: 2, loadModule: usbModule(device) });
    await transport.open();
    const closing = transport.close();
    device.endPendingRead('timed out');
    await closing;
    expect(device.log.filter((l) => /detach|attach/.test(l))).toEqual([]);
  });

  it('keeps reading across bulk IN timeouts and reports the device lost on any other error', async () => {
    const device = new MemoryUsbDevice();
    const transport = new UsbTransport('usb:0416:5011', { vendorId: 1, productId: 2, loadModule: usbModule(device) });
    await transport.open();
    const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    await Promise.resolve();
    device.endPendingRead('LIBUSB_TRANSFER_TIMED_OUT');
    const data = nextData(transport);
    await new Promise((r) => setImmediate(r));
    device.send(Buffer.from('still here'));
    expect((await data).toString()).toBe('still here');
    await new Promise((r) => setImmediate(r));
    device.endPendingRead('device disconnected');
    expect((await closed)?.message).toContain('device disconnected');
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Buffer.from([1]))).rejects.toMatchObject({ code: 'TRANSPORT_NOT_OPEN' });
  });

  it('selects a configuration when the device has none yet', async () => {
    const device = new MemoryUsbDevice();
    device.configuration = null;
    Object.assign(device, { configurations: [PRINTER_CONFIG] });
    const transport = new UsbTransport('usb:0416:5011', { vendorId: 1, productId: 2, loadModule: usbModule(device) });
    await transport.open();
    expect(device.log).toContain('config 1');
    const closing = transport.close();
    device.endPendingRead('timed out');
    await closing;
  });

  it('fails to open, closing the device again, when no interface has bulk IN and OUT', async () => {
    const device = new MemoryUsbDevice();
    device.configuration = { configurationValue: 1, interfaces: [PRINTER_CONFIG.interfaces[0]!] };
    const transport = new UsbTransport('usb:0416:5011', { vendorId: 1, productId: 2, loadModule: usbModule(device) });
    await expect(transport.open()).rejects.toMatchObject({ code: 'TRANSPORT_OPEN_FAILED', message: expect.stringContaining('bulk') });
    expect(device.log).toEqual(['open', 'close']);
  });

  it('names an absent device and an unloadable package with typed errors', async () => {
    const absent = new UsbTransport('usb:0416:5011', { vendorId: 1, productId: 2, loadModule: usbModule(undefined) });
    await expect(absent.open()).rejects.toBeInstanceOf(TransportOpenFailedError);
    const broken = new UsbTransport('usb:0416:5011', { vendorId: 1, productId: 2, loadModule: () => Promise.reject(new Error('Cannot find module @node-usb/usb-linux-x64-gnu')) });
    await expect(broken.open()).rejects.toBeInstanceOf(TransportUnavailableError);
  });

  it('loads the real usb package only on open and fails cleanly without the device', async () => {
    const transport = new UsbTransport('usb:0400:c35a', { vendorId: 0x0400, productId: 0xc35a });
    const err = await transport.open().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TransportOpenFailedError);
    // Either no such device, or (in a container) no /sys/bus/usb: the package answered, it did not crash.
    expect((err as Error).message).toMatch(/no such USB device|cannot list USB devices: .*sys\/bus\/usb/);
  });
});
