import type { ParseScanOptions } from '@eldercare/domain';
import type { ScannerConfig } from '../config/agent-config-schema';
import { ScannerSimulator } from '../simulators/scanner-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { parseDeviceAddress } from '../transports/device-address';
import { createDuplexPair } from '../transports/duplex-pair';
import { createScannerTransport } from './create-scanner-transport';
import { ScannerDevice, type KeyboardProtocol } from './scanner-device';

export interface ComposedScanner {
  device: ScannerDevice;
  /** Set for `sim:`: the in-process simulator the /v1/sim/scan route drives. */
  simulator?: ScannerSimulator;
  /** Closes the device and its simulator. */
  close(): Promise<void>;
}

/**
 * The scanner of the agent's config: a real transport for its address and mode, or for `sim:`
 * a ScannerSimulator on a duplex pair, speaking the same bytes (serial, or evdev key events in
 * keyboard mode) as the hardware would.
 */
export function composeScanner(config: ScannerConfig, parse?: ParseScanOptions): ComposedScanner {
  let transport: ByteTransport;
  let keyboardProtocol: KeyboardProtocol = 'evdev';
  let simulator: ScannerSimulator | undefined;
  if (parseDeviceAddress(config.address).kind === 'sim') {
    const [agentEnd, simEnd] = createDuplexPair(config.address);
    simulator = new ScannerSimulator({ mode: config.mode === 'keyboard' ? 'keyboard' : 'serial' });
    void simEnd.open();
    simulator.attach(simEnd);
    transport = agentEnd;
  } else {
    ({ transport, keyboardProtocol } = createScannerTransport(config.address, config.mode));
  }
  const device = new ScannerDevice(config.address, transport, {
    mode: config.mode,
    keyboardProtocol,
    interByteTimeoutMs: config.interByteTimeoutMs,
    ...(parse && { parse }),
  });
  return {
    device,
    ...(simulator && { simulator }),
    async close() {
      await device.close();
      await simulator?.close();
    },
  };
}
