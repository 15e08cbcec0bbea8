import { describe, expect, it } from 'vitest';
import { formatPortList, listPorts, type PortSources } from './list-ports';

const sources: PortSources = {
  serial: async () => [
    { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', pnpId: 'usb-FTDI_FT232R_A1B2-if00-port0' },
    { path: '/dev/ttyS0' },
  ],
  hid: async () => [
    { vendorId: 0x0c2e, productId: 0x0b61, manufacturer: 'Honeywell', product: 'Scanner', usagePage: 0x01, usage: 0x06, interface: 0 },
    { vendorId: 0x0c2e, productId: 0x0b61, manufacturer: 'Honeywell', product: 'Scanner', usagePage: 0x01, usage: 0x06, interface: 0 },
    { vendorId: 0x0c2e, productId: 0x0b61, manufacturer: 'Honeywell', product: 'Scanner', usagePage: 0x8c, usage: 0x02, interface: 1 },
  ],
  usb: async () => [
    {
      vendorId: 0x0416, productId: 0x5011, manufacturerName: 'Winbond', productName: null,
      configuration: { configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternates: [{ alternateSetting: 0, interfaceClass: 7, endpoints: [
        { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 }, { endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 },
      ] }] }] },
    },
    Object.defineProperty({ vendorId: 0x1d6b, productId: 0x0002 }, 'productName', { get: () => { throw new Error('access denied'); } }),
  ],
  evdev: async () => ['/dev/input/by-id/usb-Honeywell_Scanner-event-kbd'],
};

describe('listPorts', () => {
  it('lists each kind with the address to paste into the config', async () => {
    const sections = await listPorts(sources);
    expect(sections.map((s) => [s.kind, s.rows.map((r) => r.address)])).toEqual([
      ['serial', ['serial:/dev/serial/by-id/usb-FTDI_FT232R_A1B2-if00-port0', 'serial:/dev/ttyS0']],
      ['hid', ['hid:0c2e:0b61', 'hid:0c2e:0b61']],
      ['usb', ['usb:0416:5011', 'usb:1d6b:0002']],
      ['evdev', ['evdev:/dev/input/by-id/usb-Honeywell_Scanner-event-kbd']],
    ]);
    const [serial, hid, usb] = sections;
    expect(serial!.rows[0]!.description).toBe('FTDI (0403:6001) = /dev/ttyUSB0');
    expect(hid!.rows.map((r) => r.description)).toEqual(['Honeywell Scanner — keyboard (scanner mode "keyboard")', 'Honeywell Scanner — barcode scanner (HID POS)']);
    expect(usb!.rows.map((r) => r.description)).toEqual(['Winbond — bulk IN/OUT (usb: transport works)', 'USB device']);
  });

  it('turns a failing source into a note in its own section only', async () => {
    const sections = await listPorts({ ...sources, serial: () => Promise.reject(new Error('udevadm: not found')), usb: () => Promise.reject(new Error('/sys/bus/usb/devices/ not found')) });
    expect(sections[0]).toEqual({ kind: 'serial', rows: [], note: expect.stringMatching(/udev package.*udevadm: not found/) });
    expect(sections[2]).toMatchObject({ rows: [], note: expect.stringContaining('/sys/bus/usb') });
    expect(sections[1]!.rows).toHaveLength(2);
    expect(sections[3]!.rows).toHaveLength(1);
  });

  it('formats a table with the addresses in one column, and says when a section is empty', async () => {
    const sections = await listPorts({ ...sources, hid: async () => [], usb: () => Promise.reject(new Error('no /sys')) });
    const text = formatPortList(sections);
    expect(text).toContain('Serial ports:\n  serial:/dev/serial/by-id/usb-FTDI_FT232R_A1B2-if00-port0  FTDI (0403:6001) = /dev/ttyUSB0');
    expect(text).toMatch(/HID devices:\n {2}\(none found\)/);
    expect(text).toMatch(/USB devices:\n {2}\(the usb package could not list devices .*no \/sys\)/);
    const evdevLine = text.split('\n').find((l) => l.includes('evdev:'))!;
    const serialLine = text.split('\n').find((l) => l.includes('serial:/dev/ttyS0'))!;
    expect(evdevLine.indexOf('keyboard input')).toBe(serialLine.indexOf('/dev/ttyS0', 10));
  });

  it('runs against this machine without throwing, whatever is missing', async () => {
    const sections = await listPorts();
    expect(sections.map((s) => s.kind)).toEqual(['serial', 'hid', 'usb', 'evdev']);
    const text = formatPortList(sections);
    for (const title of ['Serial ports:', 'HID devices:', 'USB devices:', 'Keyboard input devices']) expect(text).toContain(title);
  });
});
