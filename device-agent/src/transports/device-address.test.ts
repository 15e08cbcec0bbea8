import { describe, expect, it } from 'vitest';
import { DEFAULT_HID_REPORTS, parseDeviceAddress } from './device-address';

describe('parseDeviceAddress', () => {
  it('reads vendor and product ids of usb: and hid: addresses', () => {
    expect(parseDeviceAddress('usb:0416:5011')).toEqual({ kind: 'usb', vendorId: 0x0416, productId: 0x5011 });
    expect(parseDeviceAddress('hid:0400:C35A')).toEqual({ kind: 'hid', vendorId: 0x0400, productId: 0xc35a, reports: DEFAULT_HID_REPORTS });
  });

  it('takes the HID report layout from the query', () => {
    expect(parseDeviceAddress('hid:0416:5011?framing=raw&reportId=2&reportSize=32')).toMatchObject({
      reports: { framing: 'raw', reportId: 2, reportSize: 32 },
    });
  });

  it.each(['hid:0416:5011?framing=slip', 'hid:0416:5011?reportId=256', 'hid:0416:5011?reportSize=1', 'hid:0416:5011?reportSize=x', 'hid:0416:5011?baud=9600', 'usb:0416:5011?reportId=1', 'hid:416:5011'])(
    'refuses %s',
    (address) => {
      expect(() => parseDeviceAddress(address)).toThrow(expect.objectContaining({ code: 'INVALID_DEVICE_ADDRESS' }));
    },
  );

  it('reads evdev: paths, which must be absolute', () => {
    expect(parseDeviceAddress('evdev:/dev/input/by-id/usb-SCANNER_1234-event-kbd')).toEqual({ kind: 'evdev', path: '/dev/input/by-id/usb-SCANNER_1234-event-kbd' });
    expect(() => parseDeviceAddress('evdev:event3')).toThrow(expect.objectContaining({ code: 'INVALID_DEVICE_ADDRESS' }));
    expect(() => parseDeviceAddress('bogus:x')).toThrow(/evdev/);
  });
});
