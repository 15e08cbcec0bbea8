/**
 * Serial ports on this machine. Stand-in until the transports helper's listPorts() lands in
 * src/transports (then this file goes): serialport loads lazily, SerialPort.list() needs udev.
 */
export interface PortInfo {
  address: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
}

export async function listPorts(): Promise<PortInfo[]> {
  const { SerialPort } = await import('serialport');
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    address: `serial:${p.path}`,
    ...(p.manufacturer && { manufacturer: p.manufacturer }),
    ...(p.vendorId && { vendorId: p.vendorId }),
    ...(p.productId && { productId: p.productId }),
    ...(p.serialNumber && { serialNumber: p.serialNumber }),
  }));
}
