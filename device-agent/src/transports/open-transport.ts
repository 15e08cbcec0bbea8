import type { ByteTransport } from './byte-transport';
import { parseDeviceAddress } from './device-address';
import { FileTransport } from './file-transport';
import { SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';
import { TransportUnavailableError } from './transport-errors';

/**
 * Builds the transport for a device address without opening it. `sim:` is not a transport but a
 * simulator chosen by the agent composition, and HID/USB arrive with issue 3.
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
    case 'usb':
      throw new TransportUnavailableError(
        address,
        `${parsed.kind}: devices are not supported yet (issue 3: USB-HID and raw USB transports); ` +
          'connect the device as serial:, tcp: or file: meanwhile',
      );
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
