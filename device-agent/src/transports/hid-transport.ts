import type { ByteTransport } from './byte-transport';
import type { HidReportOptions } from './device-address';
import { deframeHidReport, frameHidReports } from './hid-reports';
import {
  TransportNotOpenError,
  TransportOpenFailedError,
  TransportUnavailableError,
  TransportWriteFailedError,
  describe,
} from './transport-errors';
import { TransportListeners } from './transport-listeners';

/** The part of node-hid's HIDAsync this transport uses. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
  write(report: Buffer): Promise<number>;
  close(): Promise<void>;
}

export interface NodeHidModule {
  HIDAsync: { open(vendorId: number, productId: number): Promise<HidDeviceHandle> };
}

export interface HidTransportOptions {
  vendorId: number;
  productId: number;
  reports: HidReportOptions;
  /** Loads node-hid; replaced in tests. Default: a dynamic import, so nothing loads it before open(). */
  loadModule?: () => Promise<NodeHidModule>;
}

/**
 * A HID device through node-hid (hidraw on Linux; the prebuilt binding needs libudev, and
 * read/write access to /dev/hidraw*). Bytes are framed into reports as the address says
 * (hid-reports.ts); in raw framing each data chunk is one whole report, which is what the
 * scanner's boot-keyboard decoder needs.
 */
export class HidTransport implements ByteTransport {
  private device: HidDeviceHandle | undefined;
  private closing = false;
  private readonly listeners = new TransportListeners();

  constructor(
    readonly address: string,
    private readonly options: HidTransportOptions,
  ) {}

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const { vendorId, productId, reports } = this.options;
    let mod: NodeHidModule;
    try {
      mod = await (this.options.loadModule ?? loadNodeHid)();
    } catch (err) {
      throw new TransportUnavailableError(this.address, `the node-hid package cannot be loaded (${describe(err)}); it needs libudev and hidraw at run time`, err);
    }
    let device: HidDeviceHandle;
    try {
      device = await mod.HIDAsync.open(vendorId, productId);
    } catch (err) {
      throw new TransportOpenFailedError(this.address, `${describe(err)} (is it plugged in, and may this user open /dev/hidraw*?)`, err);
    }
    this.device = device;
    this.closing = false;
    device.on('data', (report) => {
      const payload = deframeHidReport(report, reports);
      if (payload && payload.length > 0) this.listeners.emitData(payload);
    });
    // node-hid stops reading after an error: the device is gone (unplugged) for us.
    device.on('error', (err) => void this.lost(err));
  }

  private async lost(err: Error): Promise<void> {
    const device = this.device;
    if (!device || this.closing) return;
    this.device = undefined;
    device.removeAllListeners();
    await device.close().catch(() => {});
    this.listeners.emitClose(new Error(`${this.address} lost: ${err.message}`));
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new TransportNotOpenError(this.address);
    try {
      for (const report of frameHidReports(data, this.options.reports)) await device.write(report);
    } catch (err) {
      throw new TransportWriteFailedError(this.address, err);
    }
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.closing = true;
    this.device = undefined;
    device.removeAllListeners();
    await device.close().catch(() => {});
    this.listeners.emitClose();
  }
}

/** node-hid is CommonJS: its exports may arrive as named exports or under default. */
async function loadNodeHid(): Promise<NodeHidModule> {
  const mod = (await import('node-hid')) as unknown as NodeHidModule & { default?: NodeHidModule };
  return mod.HIDAsync ? mod : mod.default!;
}
