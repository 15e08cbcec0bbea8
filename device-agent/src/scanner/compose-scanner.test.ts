import { describe, expect, it } from 'vitest';
import type { ScannerEvent } from './scanner-device';
import { composeScanner } from './compose-scanner';

function nextScan(events: ScannerEvent[], device: { on(l: (e: ScannerEvent) => void): () => void }): Promise<ScannerEvent> {
  return new Promise((resolve) => {
    const off = device.on((e) => {
      events.push(e);
      if (e.type === 'scanner.state') return;
      off();
      resolve(e);
    });
  });
}

describe('composeScanner', () => {
  it.each(['serial', 'keyboard'] as const)('runs sim: as an in-process simulator in %s mode, through the real decoding', async (mode) => {
    const scanner = composeScanner({ address: 'sim:', mode, interByteTimeoutMs: 50 });
    expect(scanner.simulator?.mode).toBe(mode);
    const events: ScannerEvent[] = [];
    const scanned = nextScan(events, scanner.device);
    scanner.device.start();
    await scanner.simulator!.scan('ELQ1:CN-XINJING:20261122:A012');
    expect(await scanned).toEqual({ type: 'scan.read', scan: { kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-11-22', ticketNo: 'A012' } });
    expect(scanner.device.status).toEqual({ address: 'sim:', mode: mode === 'keyboard' ? 'keyboard' : 'serial', state: 'ready' });
    await scanner.close();
    expect(scanner.device.status.state).toBe('offline');
  });

  it('opens a real address lazily: an absent scanner is offline, not an error', async () => {
    const scanner = composeScanner({ address: 'evdev:/dev/input/by-id/usb-absent-event-kbd', mode: 'keyboard', interByteTimeoutMs: 50 });
    expect(scanner.simulator).toBeUndefined();
    const state = new Promise<ScannerEvent>((resolve) => scanner.device.on(resolve));
    scanner.device.start();
    expect(await state).toEqual({ type: 'scanner.state', state: 'offline', error: 'TRANSPORT_OPEN_FAILED' });
    await scanner.close();
  });

  it('refuses an evdev: address outside keyboard mode', () => {
    expect(() => composeScanner({ address: 'evdev:/dev/input/event3', mode: 'serial', interByteTimeoutMs: 50 })).toThrow(expect.objectContaining({ code: 'SCANNER_CONFIG_INVALID' }));
  });
});
