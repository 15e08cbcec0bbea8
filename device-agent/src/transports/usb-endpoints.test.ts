import { describe, expect, it } from 'vitest';
import { selectBulkInterface, type UsbAlternateInfo, type UsbConfigurationInfo, type UsbEndpointInfo } from './usb-endpoints';

const ep = (endpointNumber: number, direction: 'in' | 'out', type: UsbEndpointInfo['type'] = 'bulk', packetSize = 64): UsbEndpointInfo => ({ endpointNumber, direction, type, packetSize });
const alt = (alternateSetting: number, interfaceClass: number, endpoints: UsbEndpointInfo[]): UsbAlternateInfo => ({ alternateSetting, interfaceClass, endpoints });
const config = (...interfaces: UsbConfigurationInfo['interfaces']): UsbConfigurationInfo => ({ configurationValue: 1, interfaces });

describe('selectBulkInterface', () => {
  it('picks a printer-class interface with bulk OUT and bulk IN', () => {
    const choice = selectBulkInterface(config({ interfaceNumber: 0, alternates: [alt(0, 7, [ep(1, 'out'), ep(2, 'in', 'bulk', 512)])] }));
    expect(choice).toMatchObject({ interfaceNumber: 0, alternateSetting: 0, outEndpoint: { endpointNumber: 1 }, inEndpoint: { endpointNumber: 2, packetSize: 512 } });
  });

  it('skips a HID interface (interrupt endpoints) and a one-way interface, taking the next one', () => {
    const choice = selectBulkInterface(config(
      { interfaceNumber: 0, alternates: [alt(0, 3, [ep(1, 'in', 'interrupt'), ep(1, 'out', 'interrupt')])] },
      { interfaceNumber: 1, alternates: [alt(0, 0xff, [ep(3, 'out')])] },
      { interfaceNumber: 2, alternates: [alt(0, 0x0a, [ep(4, 'in'), ep(5, 'out')])] },
    ));
    expect(choice).toMatchObject({ interfaceNumber: 2, inEndpoint: { endpointNumber: 4 }, outEndpoint: { endpointNumber: 5 } });
  });

  it('finds bulk endpoints in a later alternate setting', () => {
    const choice = selectBulkInterface(config({ interfaceNumber: 0, alternates: [alt(0, 7, []), alt(1, 7, [ep(1, 'out'), ep(1, 'in')])] }));
    expect(choice).toMatchObject({ interfaceNumber: 0, alternateSetting: 1 });
  });

  it('falls back to the current alternate when none are listed, and gives up when nothing fits', () => {
    expect(selectBulkInterface(config({ interfaceNumber: 3, alternate: alt(0, 7, [ep(1, 'out'), ep(2, 'in')]), alternates: [] }))).toMatchObject({ interfaceNumber: 3 });
    expect(selectBulkInterface(config({ interfaceNumber: 0, alternates: [alt(0, 1, [ep(1, 'in', 'isochronous'), ep(2, 'out', 'isochronous')])] }))).toBeUndefined();
    expect(selectBulkInterface(config())).toBeUndefined();
  });
});
