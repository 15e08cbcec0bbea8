import type { ByteTransport } from './byte-transport';
import { parseDeviceAddress } from './device-address';
import { EvdevTransport } from './evdev-transport';
import { FileTransport } from './file-transport';
import { HidTransport } from './hid-transport';
import { SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';
import { TransportUnavailableError } from './transport-errors';
import { UsbTransport } from './usb-transport';

/**
 * Builds the transport for a device address without opening it. `sim:` is not a transport but a
 * simulator chosen by the agent composition. Native packages (serialport, node-hid, usb) load
 * only in open(), so building any transport works on a machine without them.
 */
export function createTransport(address: string): ByteTransport {
  const parsed = parseDeviceAddress(address);
  switch (parsed.kind) {
    case 'serial':
      return new SerialTransport(address, { path: parsed.path, baudRate: parsed.baudRate });
    case 'tcp':
      return new TcpTransport(address, { host: parsed.host, port: parsed.port });
    case 'file':
      return new FileTransport(address, { path: parsed.path });
    case 'hid':
      return new HidTransport(address, { vendorId: parsed.vendorId, productId: parsed.productId, reports: parsed.reports });
    case 'usb':
      return new UsbTransport(address, { vendorId: parsed.vendorId, productId: parsed.productId });
    case 'evdev':
      return new EvdevTransport(address, { path: parsed.path });
    case 'sim':
      throw new TransportUnavailableError(
        address,
        'sim: is resolved by the agent (startAgent runs an in-process simulator), not by openTransport',
      );
  }
}

/** Parses the address, builds its transport and opens it. */
export async function openTransport(address: string): Promise<ByteTransport> {
  const transport = createTransport(address);
  await transport.open();
  return transport;
}
