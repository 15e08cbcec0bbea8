/**
 * One address syntax for the config file and every CLI flag (ARCHITECTURE.md):
 *   serial:/dev/ttyUSB0?baud=115200   hid:0400:c35a   usb:0400:c35a
 *   tcp:192.168.1.50:9100             file:/dev/usb/lp0   sim:
 *   evdev:/dev/input/by-id/usb-…-event-kbd   (keyboard-wedge scanners: key events, read only)
 * A HID address may choose its report layout (hid-reports.ts):
 *   hid:0416:5011?framing=raw&reportId=2&reportSize=32
 */
export type DeviceAddress =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'hid'; vendorId: number; productId: number; reports: HidReportOptions }
  | { kind: 'usb'; vendorId: number; productId: number }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string }
  | { kind: 'sim'; profile: string }
  | { kind: 'evdev'; path: string };

/**
 * How bytes travel in HID reports. length-prefixed: each report carries a length byte and then
 * up to reportSize − 1 payload bytes (zero padded); raw: reports are passed through whole (e.g.
 * 8-byte boot keyboard reports). reportId 0 means the device uses unnumbered reports.
 */
export interface HidReportOptions {
  framing: 'length-prefixed' | 'raw';
  reportId: number;
  reportSize: number;
}

export const DEFAULT_HID_REPORTS: HidReportOptions = { framing: 'length-prefixed', reportId: 0, reportSize: 64 };

export class InvalidDeviceAddressError extends Error {
  readonly code = 'INVALID_DEVICE_ADDRESS';
  constructor(address: string, expected: string) {
    super(`Invalid device address "${address}": ${expected}`);
    this.name = 'InvalidDeviceAddressError';
  }
}

const DEFAULT_BAUD = 115200;
const KINDS = 'serial, hid, usb, tcp, file, sim or evdev';
const HEX4 = /^[0-9a-fA-F]{4}$/;

function parseVidPid(address: string, rest: string): { vendorId: number; productId: number } {
  const [vid, pid, extra] = rest.split(':');
  if (!vid || !pid || extra !== undefined || !HEX4.test(vid) || !HEX4.test(pid)) {
    throw new InvalidDeviceAddressError(address, 'expected vendor and product id as 4 hex digits each, e.g. usb:0400:c35a');
  }
  return { vendorId: parseInt(vid, 16), productId: parseInt(pid, 16) };
}

export function parseDeviceAddress(address: string): DeviceAddress {
  const colon = address.indexOf(':');
  if (colon < 0) throw new InvalidDeviceAddressError(address, `expected <kind>:<target>, kind one of ${KINDS}`);
  const kind = address.slice(0, colon);
  const rest = address.slice(colon + 1);
  switch (kind) {
    case 'serial': {
      const [path, query = ''] = rest.split('?', 2);
      if (!path) throw new InvalidDeviceAddressError(address, 'expected a device path, e.g. serial:/dev/ttyUSB0?baud=115200');
      const params = new URLSearchParams(query);
      for (const key of params.keys()) {
        if (key !== 'baud') throw new InvalidDeviceAddressError(address, `unknown option "${key}" (only baud is supported)`);
      }
      const baud = params.get('baud');
      const baudRate = baud === null ? DEFAULT_BAUD : Number(baud);
      if (!Number.isInteger(baudRate) || baudRate < 1200 || baudRate > 4_000_000) {
        throw new InvalidDeviceAddressError(address, 'baud must be a whole number between 1200 and 4000000');
      }
      return { kind: 'serial', path, baudRate };
    }
    case 'hid': {
      const [ids = '', query = ''] = rest.split('?', 2);
      return { kind, ...parseVidPid(address, ids), reports: parseHidReports(address, query) };
    }
    case 'usb':
      return { kind, ...parseVidPid(address, rest) };
    case 'evdev':
      if (!rest.startsWith('/')) throw new InvalidDeviceAddressError(address, 'expected an absolute input device path, e.g. evdev:/dev/input/by-id/usb-Scanner-event-kbd');
      return { kind: 'evdev', path: rest };
    case 'tcp': {
      const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(rest);
      const port = m ? Number(m[2]) : NaN;
      if (!m || port < 1 || port > 65535) throw new InvalidDeviceAddressError(address, 'expected host:port, e.g. tcp:192.168.1.50:9100');
      return { kind: 'tcp', host: m[1]!.replace(/^\[|\]$/g, ''), port };
    }
    case 'file':
      if (!rest) throw new InvalidDeviceAddressError(address, 'expected a file path, e.g. file:/dev/usb/lp0');
      return { kind: 'file', path: rest };
    case 'sim':
      return { kind: 'sim', profile: rest || 'default' };
    default:
      throw new InvalidDeviceAddressError(address, `unknown kind "${kind}"; expected ${KINDS}`);
  }
}

function parseHidReports(address: string, query: string): HidReportOptions {
  const params = new URLSearchParams(query);
  const options = { ...DEFAULT_HID_REPORTS };
  for (const [key, value] of params) {
    if (key === 'framing') {
      if (value !== 'length-prefixed' && value !== 'raw') throw new InvalidDeviceAddressError(address, 'framing must be length-prefixed or raw');
      options.framing = value;
    } else if (key === 'reportId' || key === 'reportSize') {
      const n = Number(value);
      const [min, max] = key === 'reportId' ? [0, 255] : [2, 1024];
      if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidDeviceAddressError(address, `${key} must be a whole number from ${min} to ${max}`);
      options[key] = n;
    } else {
      throw new InvalidDeviceAddressError(address, `unknown option "${key}" (framing, reportId, reportSize)`);
    }
  }
  return options;
}
