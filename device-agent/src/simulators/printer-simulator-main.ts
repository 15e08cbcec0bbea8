/**
 * A receipt printer on a raw TCP port, for trying the agent or a real POS tool against:
 *   npx tsx device-agent/src/simulators/printer-simulator-main.ts --listen tcp:127.0.0.1:9100 [--state paper-out]
 * Prints a text preview of every job. On a terminal, typing a state name (ready, paper-near-end,
 * paper-out, cover-open, offline) and Enter changes the state. Ctrl-C closes cleanly.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { PrinterStateSchema, type PrinterState } from '@eldercare/domain';
import { parseDeviceAddress } from '../transports/device-address';
import { PrinterSimulator } from './printer-simulator';

const STATES: readonly string[] = PrinterStateSchema.anyOf.map((s) => s.const);

function isState(value: string): value is PrinterState {
  return STATES.includes(value);
}

function fail(message: string): never {
  console.error(`printer-simulator: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { listen: { type: 'string', default: 'tcp:127.0.0.1:9100' }, state: { type: 'string', default: 'ready' } },
  });
  const state = values.state;
  if (!isState(state)) fail(`--state must be one of ${STATES.join(', ')}`);
  let address;
  try {
    address = parseDeviceAddress(values.listen);
  } catch (err) {
    fail((err as Error).message);
  }
  if (address.kind !== 'tcp') fail('--listen takes a tcp: address, e.g. tcp:127.0.0.1:9100');

  const printer = new PrinterSimulator({ state });
  const listener = await printer.listenTcp(address.port, address.host).catch((err: Error) => fail(`cannot listen: ${err.message}`));
  console.log(`Printer simulator listening on tcp:${listener.host}:${listener.port} (state ${printer.state})`);

  printer.on('state', (s) => console.log(`[state] ${s}`));
  printer.on('job', (job) => {
    const note = job.complete ? '' : ', incomplete';
    console.log(`\n[${job.id}] ${job.receivedAt.toISOString()}, ${job.bytes.length} bytes${note}\n${job.previewText}\n`);
  });

  const input = process.stdin.isTTY ? createInterface({ input: process.stdin }) : null;
  input?.on('line', (line) => {
    const wanted = line.trim();
    if (isState(wanted)) printer.setState(wanted);
    else if (wanted) console.log(`Unknown state "${wanted}"; one of ${STATES.join(', ')}`);
  });

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    input?.close();
    void printer.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
