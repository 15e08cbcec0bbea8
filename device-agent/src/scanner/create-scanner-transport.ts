import { DomainError } from '@eldercare/domain';
import type { ByteTransport } from '../transports/byte-transport';
import { parseDeviceAddress } from '../transports/device-address';
import { HidTransport, type NodeHidModule } from '../transports/hid-transport';
import { createTransport } from '../transports/open-transport';
import { BOOT_REPORT_SIZE } from './boot-keyboard-decoder';
import type { KeyboardProtocol, ScannerMode } from './scanner-device';

export class ScannerConfigError extends DomainError {
  constructor(message: string) {
    super('SCANNER_CONFIG_INVALID', message);
  }
}

/**
 * The transport for a (non-simulated) scanner address and mode, and what keyboard bytes it
 * carries. A HID keyboard-wedge scanner is read as raw 8-byte boot reports, whatever framing its
 * address names; an evdev: device only ever carries key events.
 */
export function createScannerTransport(
  address: string,
  mode: ScannerMode,
  deps: { loadHid?: () => Promise<NodeHidModule> } = {},
): { transport: ByteTransport; keyboardProtocol: KeyboardProtocol } {
  const parsed = parseDeviceAddress(address);
  if (parsed.kind === 'evdev' && mode !== 'keyboard') {
    throw new ScannerConfigError(`${address} delivers key events: set the scanner's mode to "keyboard"`);
  }
  if (parsed.kind === 'hid' && mode === 'keyboard') {
    const reports = { framing: 'raw' as const, reportId: parsed.reports.reportId, reportSize: BOOT_REPORT_SIZE };
    const transport = new HidTransport(address, { vendorId: parsed.vendorId, productId: parsed.productId, reports, ...(deps.loadHid && { loadModule: deps.loadHid }) });
    return { transport, keyboardProtocol: 'hid-boot' };
  }
  return { transport: createTransport(address), keyboardProtocol: 'evdev' };
}
