/**
 * One address syntax for the config file and every CLI flag (ARCHITECTURE.md):
 *   serial:/dev/ttyUSB0?baud=115200   hid:0400:c35a   usb:0400:c35a
 *   tcp:192.168.1.50:9100             file:/dev/usb/lp0   sim:
 */
export type DeviceAddress =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'hid'; vendorId: number; productId: number }
  | { kind: 'usb'; vendorId: number; productId: number }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string }
  | { kind: 'sim'; profile: string };

export class InvalidDeviceAddressError extends Error {
  readonly code = 'INVALID_DEVICE_ADDRESS';
  constructor(address: string, expected: string) {
    super(`Invalid device address "${address}": ${expected}`);
    this.name = 'InvalidDeviceAddressError';
  }
}

const DEFAULT_BAUD = 115200;
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
  if (colon < 0) throw new InvalidDeviceAddressError(address, 'expected <kind>:<target>, kind one of serial, hid, usb, tcp, file, sim');
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
    case 'hid':
    case 'usb':
      return { kind, ...parseVidPid(address, rest) };
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
      throw new InvalidDeviceAddressError(address, `unknown kind "${kind}"; expected serial, hid, usb, tcp, file or sim`);
  }
}
