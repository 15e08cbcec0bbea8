import { demoResidents } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { ReaderSimulator } from '../simulators/reader-simulator';
import { openTransport } from '../transports/open-transport';
import { createPtyPair } from '../transports/pty-pair';
import { socatAvailable, tempLinkPath } from '../transports/test-support';
import { Ga467Reader } from './ga467-reader';

const TODAY = '2025-06-15';
const residents = demoResidents(TODAY);

/** The whole conversation a kiosk has with a reader, on whatever link. */
async function readEveryDemoCard(reader: Ga467Reader, simulator: ReaderSimulator): Promise<void> {
  await reader.reset();
  await reader.status();
  expect(await reader.samId()).toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
  for (const resident of residents) {
    simulator.placeDemoCard(resident.key);
    expect(await reader.findCard()).toBe(true);
    await reader.selectCard();
    const { card, photo } = await reader.readCard();
    expect(card).toEqual(resident.card);
    expect(photo).toHaveLength(1024);
    simulator.removeCard();
    expect(await reader.findCard()).toBe(false);
  }
}

describe('Ga467Reader over TCP', () => {
  it('reads every demo card from a simulator listening on loopback', async () => {
    const simulator = new ReaderSimulator({ today: TODAY });
    const listener = await simulator.listenTcp(0);
    const transport = await openTransport(`tcp:127.0.0.1:${listener.port}`);
    try {
      await readEveryDemoCard(new Ga467Reader(transport), simulator);
    } finally {
      await transport.close();
      await simulator.close();
    }
  });
});

describe.runIf(socatAvailable())('Ga467Reader over a real pseudo-terminal with serialport', () => {
  it('reads every demo card at 115200 baud through socat', async () => {
    const pair = await createPtyPair(tempLinkPath('reader-agent'), tempLinkPath('reader-sim'));
    const simulator = new ReaderSimulator({ today: TODAY });
    const simSide = await openTransport(`serial:${pair.simPath}?baud=115200`);
    simulator.attach(simSide);
    const agentSide = await openTransport(`serial:${pair.agentPath}?baud=115200`);
    try {
      await readEveryDemoCard(new Ga467Reader(agentSide), simulator);
    } finally {
      await agentSide.close();
      await simSide.close();
      await simulator.close();
      await pair.close();
    }
  });
});
