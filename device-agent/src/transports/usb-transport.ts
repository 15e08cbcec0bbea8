import type { ByteTransport } from './byte-transport';
import {
  TransportNotOpenError,
  TransportOpenFailedError,
  TransportUnavailableError,
  TransportWriteFailedError,
  describe,
} from './transport-errors';
import { TransportListeners } from './transport-listeners';
import { selectBulkInterface, type UsbConfigurationInfo } from './usb-endpoints';

/** The part of a `usb` 3 (WebUSB-style) device this transport uses. */
export interface UsbDeviceHandle {
  readonly configuration?: UsbConfigurationInfo | null;
  readonly configurations?: readonly UsbConfigurationInfo[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  selectAlternateInterface(interfaceNumber: number, alternateSetting: number): Promise<void>;
  detachKernelDriver(interfaceNumber: number): Promise<void>;
  attachKernelDriver(interfaceNumber: number): Promise<void>;
  transferIn(endpointNumber: number, length: number, timeoutMs: number): Promise<{ data?: DataView | undefined; status: string }>;
  transferOut(endpointNumber: number, data: Uint8Array, timeoutMs: number): Promise<{ bytesWritten: number; status: string }>;
}

export interface UsbModule {
  findDevice(vendorId: number, productId: number): Promise<UsbDeviceHandle | undefined>;
}

export interface UsbTransportOptions {
  vendorId: number;
  productId: number;
  /** How long one bulk IN request waits before it is asked again (ms). */
  readTimeoutMs?: number;
  /** A printer that stops taking data (paper out) must not hang a write forever (ms). */
  writeTimeoutMs?: number;
  /** Loads the usb package; replaced in tests. Default: a dynamic import inside open(). */
  loadModule?: () => Promise<UsbModule>;
}

const TIMED_OUT = /time(d)?[\s_-]?out/i;

/**
 * A raw USB device on bulk endpoints (e.g. a USB printer without a usable /dev/usb/lp*): the
 * first interface with a bulk IN and a bulk OUT endpoint is claimed, after detaching a kernel
 * driver (usblp) that holds it; the driver is re-attached on close. Uses the `usb` package 3
 * (a Rust binding over nusb; no libusb needed), loaded only when opened. Linux needs write
 * access to its node under /dev/bus/usb (a udev rule).
 */
export class UsbTransport implements ByteTransport {
  private device: UsbDeviceHandle | undefined;
  private claimed: { interfaceNumber: number; inEndpoint: number; outEndpoint: number; packetSize: number; detached: boolean } | undefined;
  private closing = false;
  private readLoop: Promise<void> | undefined;
  private readonly listeners = new TransportListeners();

  constructor(
    readonly address: string,
    private readonly options: UsbTransportOptions,
  ) {}

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const { vendorId, productId } = this.options;
    let mod: UsbModule;
    try {
      mod = await (this.options.loadModule ?? loadUsb)();
    } catch (err) {
      throw new TransportUnavailableError(this.address, `the usb package cannot be loaded (${describe(err)})`, err);
    }
    const device = await mod.findDevice(vendorId, productId).catch((err: unknown) => {
      throw new TransportOpenFailedError(this.address, `cannot list USB devices: ${describe(err)}`, err);
    });
    if (!device) throw new TransportOpenFailedError(this.address, 'no such USB device is connected');
    try {
      await device.open();
    } catch (err) {
      throw new TransportOpenFailedError(this.address, `${describe(err)} (may this user write to /dev/bus/usb?)`, err);
    }
    try {
      this.claimed = await this.claim(device);
    } catch (err) {
      await device.close().catch(() => {});
      throw err;
    }
    this.device = device;
    this.closing = false;
    this.readLoop = this.readUntilClosed(device);
  }

  private async claim(device: UsbDeviceHandle): Promise<NonNullable<UsbTransport['claimed']>> {
    let configuration = device.configuration ?? undefined;
    if (!configuration) {
      const first = device.configurations?.[0];
      if (!first) throw new TransportOpenFailedError(this.address, 'the device has no configuration');
      await device.selectConfiguration(first.configurationValue);
      configuration = first;
    }
    const choice = selectBulkInterface(configuration);
    if (!choice) throw new TransportOpenFailedError(this.address, 'the device has no interface with a bulk IN and a bulk OUT endpoint');
    const { interfaceNumber, alternateSetting, inEndpoint, outEndpoint } = choice;
    let detached = false;
    try {
      await device.claimInterface(interfaceNumber);
    } catch (first) {
      // Busy: a kernel driver (usblp for printers, cdc_acm …) holds it. Take it over once.
      try {
        await device.detachKernelDriver(interfaceNumber);
        detached = true;
        await device.claimInterface(interfaceNumber);
      } catch (err) {
        if (detached) await device.attachKernelDriver(interfaceNumber).catch(() => {});
        throw new TransportOpenFailedError(this.address, `cannot claim interface ${interfaceNumber}: ${describe(first)}; after detaching the kernel driver: ${describe(err)}`, err);
      }
    }
    if (alternateSetting !== 0) await device.selectAlternateInterface(interfaceNumber, alternateSetting);
    return {
      interfaceNumber,
      inEndpoint: inEndpoint.endpointNumber,
      outEndpoint: outEndpoint.endpointNumber,
      packetSize: inEndpoint.packetSize || 64,
      detached,
    };
  }

  private async readUntilClosed(device: UsbDeviceHandle): Promise<void> {
    const claimed = this.claimed!;
    const timeoutMs = this.options.readTimeoutMs ?? 1000;
    while (!this.closing && this.device === device) {
      try {
        const result = await device.transferIn(claimed.inEndpoint, claimed.packetSize * 8, timeoutMs);
        if (this.closing) return;
        const view = result.data;
        if (view && view.byteLength > 0) this.listeners.emitData(Buffer.from(view.buffer, view.byteOffset, view.byteLength));
        else if (result.status !== 'ok') await pause(50); // a stall or an empty answer: do not spin
      } catch (err) {
        if (this.closing) return;
        if (TIMED_OUT.test(describe(err))) continue; // nothing to read within the timeout
        await this.lost(err);
        return;
      }
    }
  }

  private async lost(err: unknown): Promise<void> {
    const device = this.device;
    this.device = undefined;
    this.claimed = undefined;
    await device?.close().catch(() => {});
    this.listeners.emitClose(new Error(`${this.address} lost: ${describe(err)}`));
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    const claimed = this.claimed;
    if (!device || !claimed) throw new TransportNotOpenError(this.address);
    let result: { bytesWritten: number; status: string };
    try {
      result = await device.transferOut(claimed.outEndpoint, data, this.options.writeTimeoutMs ?? 5000);
    } catch (err) {
      throw new TransportWriteFailedError(this.address, err);
    }
    if (result.status !== 'ok' || result.bytesWritten !== data.length) {
      throw new TransportWriteFailedError(this.address, new Error(`${result.status}: ${result.bytesWritten} of ${data.length} bytes taken`));
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
    const claimed = this.claimed;
    if (!device || !claimed) return;
    this.closing = true;
    this.device = undefined;
    this.claimed = undefined;
    // A pending bulk IN ends within readTimeoutMs.
    await this.readLoop;
    await device.releaseInterface(claimed.interfaceNumber).catch(() => {});
    if (claimed.detached) await device.attachKernelDriver(claimed.interfaceNumber).catch(() => {});
    await device.close().catch(() => {});
    this.listeners.emitClose();
  }
}

interface UsbPackage {
  usb: { findDeviceByIds(vendorId: number, productId: number): Promise<unknown> };
}

async function loadUsb(): Promise<UsbModule> {
  const imported = (await import('usb')) as unknown as UsbPackage & { default?: UsbPackage };
  const { usb } = imported.usb ? imported : imported.default!;
  return { findDevice: async (vendorId, productId) => (await usb.findDeviceByIds(vendorId, productId)) as UsbDeviceHandle | undefined };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
