/**
 * A GA 467 ID card reader for trying the agent (or any GA 467 tool) without hardware:
 *   npx tsx device-agent/src/simulators/reader-simulator-main.ts --pty /tmp/ttyIdReader --card li-xiuying
 *     → then run the agent with --reader serial:/tmp/ttyIdReader
 *   npx tsx device-agent/src/simulators/reader-simulator-main.ts --listen tcp:127.0.0.1:7500
 *     → then run the agent with --reader tcp:127.0.0.1:7500
 * Lines on stdin control the card: `place <key>`, `remove`, `list`. Ctrl-C closes cleanly.
 * --pty needs socat (apt-get install socat).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { maskIdNumber, maskName } from '@eldercare/domain';
import { parseDeviceAddress } from '../transports/device-address';
import { openTransport } from '../transports/open-transport';
import { createPtyPair, type PtyPair } from '../transports/pty-pair';
import type { ByteTransport } from '../transports/byte-transport';
import { ReaderSimulator, UnknownDemoCardError } from './reader-simulator';

function fail(message: string): never {
  console.error(`reader-simulator: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pty: { type: 'string' },
      listen: { type: 'string' },
      card: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (!values.pty === !values.listen) fail('give exactly one of --pty <path> or --listen tcp:<host>:<port>');

  const simulator = new ReaderSimulator();
  const cleanups: (() => Promise<void>)[] = [() => simulator.close()];
  if (values.verbose) simulator.onExchange(({ command, sw3 }) => console.log(`[${command}] → ${sw3.toString(16).toUpperCase()}`));

  if (values.pty) {
    let pair: PtyPair;
    try {
      pair = await createPtyPair(values.pty, `${values.pty}.sim`);
    } catch (err) {
      fail((err as Error).message);
    }
    const simSide: ByteTransport = await openTransport(`serial:${pair.simPath}?baud=115200`).catch((err: Error) => fail(err.message));
    simulator.attach(simSide);
    cleanups.push(() => simSide.close(), () => pair.close());
    void pair.exited.then(() => {
      if (!closing) fail('socat exited; the pseudo-terminal is gone');
    });
    console.log(`Reader simulator on a pseudo-terminal. Agent: --reader serial:${pair.agentPath}`);
  } else {
    let address;
    try {
      address = parseDeviceAddress(values.listen!);
    } catch (err) {
      fail((err as Error).message);
    }
    if (address.kind !== 'tcp') fail('--listen takes a tcp: address, e.g. tcp:127.0.0.1:7500');
    const listener = await simulator.listenTcp(address.port, address.host).catch((err: Error) => fail(`cannot listen: ${err.message}`));
    console.log(`Reader simulator listening. Agent: --reader tcp:${listener.host}:${listener.port}`);
  }

  const place = (key: string) => {
    try {
      const card = simulator.placeDemoCard(key);
      console.log(`Card placed: ${key} (${maskName(card.name)}, ${maskIdNumber(card.idNumber)})`);
    } catch (err) {
      if (!(err instanceof UnknownDemoCardError)) throw err;
      console.log(`${err.message}; type "list" for the demo residents`);
    }
  };
  if (values.card) place(values.card);
  console.log('Commands: place <key> | remove | list');

  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'place' && arg) place(arg);
    else if (command === 'remove') {
      simulator.removeCard();
      console.log('Card removed');
    } else if (command === 'list') {
      for (const r of simulator.demoResidents()) console.log(`  ${r.key.padEnd(16)} ${maskName(r.name)}  ${r.age}  ${r.note.en}`);
    } else if (command) console.log('Commands: place <key> | remove | list');
  });

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    input.close();
    void (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
