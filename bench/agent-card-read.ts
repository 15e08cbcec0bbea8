/**
 * Agent overhead per card read. The reader simulator runs in its own process on a TCP port; a
 * card is placed through its control API. The clock starts when the simulator answers the first
 * find-card after the placement with "found" (it records that instant; both processes read the
 * same wall clock) and stops when the read card is known:
 *  - product: the real agent (poller, GA 467 driver with retries and extra address, card
 *    session, event hub, WebSocket) until its card.read event arrives;
 *  - baseline, same run, same simulator process: a bare loop on the driver (Ga467Reader over
 *    TCP) polling find-card at the same interval, then select, read and extra address — the
 *    commands the agent sends, without the agent around them.
 * Starting at "found" leaves out the wait for the next poll, which is the same for both and
 * would only add noise. The simulator's own time (building and sending 1295 bytes) is in both.
 */
import { Ga467Reader, TcpTransport, parseDeviceAddress } from '@eldercare/device-agent';
import { POLL_INTERVAL_MS, sleep, startAgentOn, startSimulatedDevices, summarise, type SimulatedDevices } from './support/agent-devices';

const READS = Number(process.env.BENCH_CARD_READS ?? 40);
const WARMUP = 5;
const CARD = 'li-xiuying';

const wallClock = () => performance.timeOrigin + performance.now();

async function sinceFound(devices: SimulatedDevices, end: number): Promise<number> {
  const { cardFoundAt } = await devices.reader.control.readerStats();
  if (cardFoundAt === undefined) throw new Error('the simulator did not record a found card');
  return end - cardFoundAt;
}

async function agentReads(devices: SimulatedDevices): Promise<number[]> {
  const { client, close } = await startAgentOn(devices);
  const samples: number[] = [];
  try {
    await client.statusWhere('reader ready', (s) => s.reader.state === 'ready', 20_000);
    for (let i = 0; i < READS + WARMUP; i++) {
      client.skipReceived();
      await devices.reader.control.placeCard(CARD);
      await client.next('card.read');
      const end = wallClock();
      if (i >= WARMUP) samples.push(await sinceFound(devices, end));
      await devices.reader.control.removeCard();
      await client.next('card.removed');
    }
  } finally {
    await close();
  }
  return samples;
}

/** The bare driver loop: find-card every interval, and on a new card select, read, extra address. */
async function bareReads(devices: SimulatedDevices): Promise<number[]> {
  const address = parseDeviceAddress(devices.reader.address);
  if (address.kind !== 'tcp') throw new Error('expected a TCP reader');
  const transport = new TcpTransport(devices.reader.address, { host: address.host, port: address.port });
  await transport.open();
  const reader = new Ga467Reader(transport);
  let onReader = false;
  let readAt = 0;
  let waiter: { present: boolean; done: () => void } | undefined;
  let running = true;
  const loop = (async () => {
    while (running) {
      const found = await reader.findCard();
      if (found && !onReader) {
        onReader = true;
        await reader.selectCard();
        const read = await reader.readCard();
        await reader.readExtraAddress();
        readAt = wallClock();
        if (read.card.idNumber.length !== 18) throw new Error('bad read');
      } else if (!found) onReader = false;
      if (waiter && waiter.present === onReader) {
        waiter.done();
        waiter = undefined;
      }
      await sleep(POLL_INTERVAL_MS);
    }
  })();
  const until = (present: boolean) => new Promise<void>((done) => (waiter = { present, done }));
  const samples: number[] = [];
  try {
    for (let i = 0; i < READS + WARMUP; i++) {
      await devices.reader.control.placeCard(CARD);
      await until(true);
      if (i >= WARMUP) samples.push(await sinceFound(devices, readAt));
      await devices.reader.control.removeCard();
      await until(false);
    }
  } finally {
    running = false;
    await loop;
    reader.dispose();
    await transport.close();
  }
  return samples;
}

export async function benchAgentCardRead() {
  const devices = await startSimulatedDevices();
  try {
    const bare = summarise(await bareReads(devices));
    const agent = summarise(await agentReads(devices));
    return { reads: READS, pollIntervalMs: POLL_INTERVAL_MS, agent, bare };
  } finally {
    await devices.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchAgentCardRead());
