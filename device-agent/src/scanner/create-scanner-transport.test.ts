import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { encodeBootKeyboardScan } from '../simulators/scanner-simulator';
import { EvdevTransport } from '../transports/evdev-transport';
import type { HidDeviceHandle } from '../transports/hid-transport';
import { SerialTransport } from '../transports/serial-transport';
import { createScannerTransport } from './create-scanner-transport';
import { ScannerDevice, type ScannerEvent } from './scanner-device';

class MemoryHidKeyboard extends EventEmitter implements HidDeviceHandle {
  async write(): Promise<number> {
    return 0;
  }
  async close(): Promise<void> {}
}

describe('createScannerTransport', () => {
  it('reads a HID keyboard-wedge scanner as whole 8-byte boot reports, stripping a numbered report id', async () => {
    const keyboard = new MemoryHidKeyboard();
    const { transport, keyboardProtocol } = createScannerTransport('hid:0c2e:0b61?reportId=1', 'keyboard', {
      loadHid: async () => ({ HIDAsync: { open: async () => keyboard } }),
    });
    expect(keyboardProtocol).toBe('hid-boot');
    const device = new ScannerDevice('hid:0c2e:0b61?reportId=1', transport, { mode: 'keyboard', keyboardProtocol });
    const scanned = new Promise<ScannerEvent>((resolve) => device.on((e) => e.type !== 'scanner.state' && resolve(e)));
    device.start();
    await new Promise((r) => setImmediate(r));
    const reports = encodeBootKeyboardScan('YL20261122000123');
    for (let i = 0; i < reports.length; i += 8) keyboard.emit('data', Buffer.concat([Buffer.from([1]), reports.subarray(i, i + 8)]));
    keyboard.emit('data', Buffer.from([2, 0, 0, 0x04, 0, 0, 0, 0, 0])); // another report id: not keys
    expect(await scanned).toEqual({ type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } });
    await device.close();
  });

  it('uses the address transport otherwise, with evdev key events in keyboard mode', () => {
    expect(createScannerTransport('evdev:/dev/input/event3', 'keyboard')).toMatchObject({ keyboardProtocol: 'evdev' });
    expect(createScannerTransport('evdev:/dev/input/event3', 'keyboard').transport).toBeInstanceOf(EvdevTransport);
    expect(createScannerTransport('serial:/dev/ttyACM0?baud=9600', 'serial').transport).toBeInstanceOf(SerialTransport);
  });

  it('refuses an input device unless the mode is keyboard', () => {
    for (const mode of ['serial', 'hid'] as const) {
      expect(() => createScannerTransport('evdev:/dev/input/event3', mode)).toThrow(expect.objectContaining({ code: 'SCANNER_CONFIG_INVALID' }));
    }
  });
});
