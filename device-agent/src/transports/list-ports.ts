import { readdir } from 'node:fs/promises';
import { describe } from './transport-errors';
import { selectBulkInterface, type UsbConfigurationInfo } from './usb-endpoints';

/**
 * Every device the agent could talk to on this machine, as addresses to paste into the config:
 * serial ports, HID devices, USB devices and keyboard input devices (keyboard-wedge scanners).
 * Each section stands alone: a missing library (or udev, or /sys/bus/usb) becomes a note in its
 * section, never a failure of the whole list.
 */
export type PortKind = 'serial' | 'hid' | 'usb' | 'evdev';

export interface PortRow {
  /** What to put in the config, e.g. serial:/dev/serial/by-id/usb-…-if00 or hid:0416:5011. */
  address: string;
  /** Manufacturer, product, and what the device looks like (keyboard, bulk endpoints …). */
  description: string;
}

export interface PortSection {
  kind: PortKind;
  rows: PortRow[];
  /** Why the section is empty or incomplete. */
  note?: string;
}

/** Where the lists come from; each defaults to the real library, tests pass their own. */
export interface PortSources {
  serial(): Promise<SerialPortEntry[]>;
  hid(): Promise<HidDeviceEntry[]>;
  usb(): Promise<UsbDeviceEntry[]>;
  evdev(): Promise<string[]>;
}

export interface SerialPortEntry {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
  /** udev's /dev/serial/by-id name, stable across replugging. */
  pnpId?: string | undefined;
}

export interface HidDeviceEntry {
  vendorId: number;
  productId: number;
  manufacturer?: string | undefined;
  product?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface?: number | undefined;
}

export interface UsbDeviceEntry {
  vendorId: number;
  productId: number;
  manufacturerName?: string | null | undefined;
  productName?: string | null | undefined;
  configuration?: UsbConfigurationInfo | null | undefined;
}

const EVDEV_DIR = '/dev/input/by-id';

export const systemPortSources: PortSources = {
  async serial() {
    const { SerialPort } = await import('serialport');
    return SerialPort.list();
  },
  async hid() {
    const imported = (await import('node-hid')) as unknown as { devicesAsync?: () => Promise<HidDeviceEntry[]>; default?: { devicesAsync(): Promise<HidDeviceEntry[]> } };
    return (imported.devicesAsync ? imported : imported.default!).devicesAsync!();
  },
  async usb() {
    type UsbPackage = { usb: { getDevices(): Promise<unknown[]> } };
    const imported = (await import('usb')) as unknown as UsbPackage & { default?: UsbPackage };
    const { usb } = imported.usb ? imported : imported.default!;
    return (await usb.getDevices()) as UsbDeviceEntry[];
  },
  async evdev() {
    return (await readdir(EVDEV_DIR)).filter((name) => name.endsWith('-event-kbd')).map((name) => `${EVDEV_DIR}/${name}`);
  },
};

export async function listPorts(sources: PortSources = systemPortSources): Promise<PortSection[]> {
  return Promise.all([
    section('serial', sources.serial, serialRows, 'serialport could not list ports (on Linux it needs the udev package)'),
    section('hid', sources.hid, hidRows, 'node-hid could not list devices (it needs libudev and hidraw)'),
    section('usb', sources.usb, usbRows, 'the usb package could not list devices (it needs /sys/bus/usb and /dev/bus/usb)'),
    section('evdev', sources.evdev, evdevRows, `no ${EVDEV_DIR} (no keyboards attached, or not Linux)`),
  ]);
}

async function section<T>(kind: PortKind, list: () => Promise<T[]>, rows: (entries: T[]) => PortRow[], why: string): Promise<PortSection> {
  try {
    return { kind, rows: rows(await list()) };
  } catch (err) {
    return { kind, rows: [], note: `${why}: ${describe(err)}` };
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const words = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join(' ');

function serialRows(ports: SerialPortEntry[]): PortRow[] {
  return ports.map((p) => ({
    // The by-id path survives replugging into another USB port; /dev/ttyUSB0 may not.
    address: `serial:${p.pnpId ? `/dev/serial/by-id/${p.pnpId}` : p.path}`,
    description: words(p.manufacturer, p.vendorId && p.productId ? `(${p.vendorId.toLowerCase()}:${p.productId.toLowerCase()})` : undefined, p.pnpId ? `= ${p.path}` : undefined) || p.path,
  }));
}

function hidRows(devices: HidDeviceEntry[]): PortRow[] {
  const seen = new Set<string>();
  const rows: PortRow[] = [];
  for (const d of devices) {
    const keyboard = d.usagePage === 0x01 && d.usage === 0x06;
    const pos = d.usagePage === 0x8c;
    const kind = keyboard ? 'keyboard (scanner mode "keyboard")' : pos ? 'barcode scanner (HID POS)' : d.usagePage !== undefined ? `usage page 0x${d.usagePage.toString(16)}` : '';
    const address = `hid:${hex4(d.vendorId)}:${hex4(d.productId)}`;
    // hidapi lists one entry per interface/usage; show each kind of a device once.
    const key = `${address} ${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ address, description: words(d.manufacturer, d.product, kind && `— ${kind}`) || 'HID device' });
  }
  return rows;
}

function usbRows(devices: UsbDeviceEntry[]): PortRow[] {
  return devices.map((d) => {
    let bulk = '';
    try {
      if (d.configuration && selectBulkInterface(d.configuration)) bulk = '— bulk IN/OUT (usb: transport works)';
    } catch {
      // descriptors not readable without permission: say nothing
    }
    return { address: `usb:${hex4(d.vendorId)}:${hex4(d.productId)}`, description: words(readable(() => d.manufacturerName), readable(() => d.productName), bulk) || 'USB device' };
  });
}

/** String descriptors need the device opened on some systems; the getter may throw. */
function readable(get: () => string | null | undefined): string | undefined {
  try {
    return get() ?? undefined;
  } catch {
    return undefined;
  }
}

function evdevRows(paths: string[]): PortRow[] {
  return paths.map((path) => ({ address: `evdev:${path}`, description: 'keyboard input device (scanner mode "keyboard")' }));
}

const TITLES: Record<PortKind, string> = {
  serial: 'Serial ports',
  hid: 'HID devices',
  usb: 'USB devices',
  evdev: 'Keyboard input devices (keyboard-wedge scanners)',
};

/** A readable table: one block per section, the address first so it can be copied. */
export function formatPortList(sections: readonly PortSection[]): string {
  const width = Math.max(0, ...sections.flatMap((s) => s.rows.map((r) => r.address.length)));
  const blocks = sections.map((s) => {
    const lines = [`${TITLES[s.kind]}:`];
    for (const row of s.rows) lines.push(`  ${row.address.padEnd(width)}  ${row.description}`);
    if (s.note) lines.push(`  (${s.note})`);
    else if (s.rows.length === 0) lines.push('  (none found)');
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}
