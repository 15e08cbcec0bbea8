/** USB descriptors as the `usb` package (WebUSB shape) reports them; fakes in tests match it. */
export interface UsbEndpointInfo {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}

export interface UsbAlternateInfo {
  alternateSetting: number;
  interfaceClass: number;
  endpoints: readonly UsbEndpointInfo[];
}

export interface UsbInterfaceInfo {
  interfaceNumber: number;
  alternate?: UsbAlternateInfo;
  alternates: readonly UsbAlternateInfo[];
}

export interface UsbConfigurationInfo {
  configurationValue: number;
  interfaces: readonly UsbInterfaceInfo[];
}

export interface BulkInterfaceChoice {
  interfaceNumber: number;
  alternateSetting: number;
  inEndpoint: UsbEndpointInfo;
  outEndpoint: UsbEndpointInfo;
}

/**
 * The first interface (in descriptor order, each alternate setting in turn) with both a bulk IN
 * and a bulk OUT endpoint: a printer's or a CDC data interface, never a HID or audio one.
 */
export function selectBulkInterface(configuration: UsbConfigurationInfo): BulkInterfaceChoice | undefined {
  for (const iface of configuration.interfaces) {
    const alternates = iface.alternates.length > 0 ? iface.alternates : iface.alternate ? [iface.alternate] : [];
    for (const alternate of alternates) {
      const bulk = alternate.endpoints.filter((e) => e.type === 'bulk');
      const inEndpoint = bulk.find((e) => e.direction === 'in');
      const outEndpoint = bulk.find((e) => e.direction === 'out');
      if (inEndpoint && outEndpoint) {
        return { interfaceNumber: iface.interfaceNumber, alternateSetting: alternate.alternateSetting, inEndpoint, outEndpoint };
      }
    }
  }
  return undefined;
}
