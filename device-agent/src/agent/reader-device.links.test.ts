import { describe, expect, it } from 'vitest';
import type { CardPollerEvent } from '../reader/card-poller';
import { ReaderSimulator } from '../simulators/reader-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { createTransport, openTransport } from '../transports/open-transport';
import { createPtyPair, type PtyPair } from '../transports/pty-pair';
import { socatAvailable, tempLinkPath } from '../transports/test-support';
import { ReaderDevice } from './reader-device';

const TODAY = '2025-06-15';

/** Polls a condition on real time; the deadline only stops a hung test, it is not a speed claim. */
async function waitFor(condition: () => boolean, what: string, deadlineMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > deadlineMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(socatAvailable())('ReaderDevice over a real pseudo-terminal (serialport, socat)', () => {
  it('goes offline when socat is killed and reads cards again once it is restarted, without a new device', async () => {
    const agentPath = tempLinkPath('reader-agent');
    const simPath = tempLinkPath('reader-sim');
    const address = `serial:${agentPath}?baud=115200`;
    const simulator = new ReaderSimulator({ today: TODAY });
    let pair: PtyPair | undefined;
    let simSide: ByteTransport | undefined;
    const plugIn = async () => {
      pair = await createPtyPair(agentPath, simPath);
      simSide = await openTransport(`serial:${simPath}?baud=115200`);
      simulator.attach(simSide);
    };
    await plugIn();
    const device = new ReaderDevice(address, createTransport(address), { reconnectMs: 200 });
    const events: CardPollerEvent[] = [];
    device.on((e) => events.push(e));
    try {
      device.start();
      await waitFor(() => device.status.state === 'ready', 'the reader to be ready');
      expect(device.status).toMatchObject({ samHealthy: true, samId: expect.stringMatching(/^\d{2}\.\d{2}-/) });

      // Pull the plug: socat dies and both pseudo-terminals vanish.
      await pair!.close();
      await simSide!.close().catch(() => {});
      await waitFor(() => device.status.state === 'offline', 'the reader to be offline');
      const resetsBefore = simulator.commandCount('reset');

      await plugIn();
      await waitFor(() => device.status.state === 'ready', 'the reader to be back');
      expect(simulator.commandCount('reset')).toBeGreaterThan(resetsBefore);
      const card = simulator.placeDemoCard('leung-kwok-wah');
      await waitFor(() => events.some((e) => e.type === 'card.read'), 'a card read');
      expect(events.find((e) => e.type === 'card.read')).toMatchObject({ card });
      const states = events.flatMap((e) => (e.type === 'reader.state' ? [e.state] : []));
      expect(states.indexOf('offline')).toBeGreaterThan(states.indexOf('ready'));
      expect(states.lastIndexOf('ready')).toBeGreaterThan(states.indexOf('offline'));
    } finally {
      await device.close();
      await simSide?.close().catch(() => {});
      await simulator.close();
      await pair?.close();
    }
  }, 40_000);
});
