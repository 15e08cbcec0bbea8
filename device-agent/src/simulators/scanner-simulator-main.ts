/**
 * A QR/barcode scanner in its own process, for trying the agent's real transports without one:
 *   npx tsx device-agent/src/simulators/scanner-simulator-main.ts --pty /tmp/ttyScanner
 *     → scanner { "address": "serial:/tmp/ttyScanner?baud=9600", "mode": "serial" }   (needs socat)
 *   npx tsx device-agent/src/simulators/scanner-simulator-main.ts --fifo /tmp/scanner-event-kbd
 *     → scanner { "address": "evdev:/tmp/scanner-event-kbd", "mode": "keyboard" }
 * Each line on stdin is scanned: in serial mode as bytes plus the terminator, through a FIFO as
 * the input_event records of a US-layout keyboard wedge. A line `garbage <hex>` sends raw bytes.
 * The control API (--control <port>, default any free port, loopback) does the same for
 * programs: POST /scan {text}, POST /garbage {hex}. Once set up, one JSON line on stdout says
 * {"ready":true,"device":"scanner","address","control","pid"}.
 */
import { spawnSync } from 'node:child_process';
import { open, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openTransport } from '../transports/open-transport';
import { createPtyPair } from '../transports/pty-pair';
import { ScannerSimulator, type ScanTerminator } from './scanner-simulator';
import { buildControlApp } from './control/build-control-app';
import type { SimulatorReady } from './control/control-schemas';

const USAGE = `Usage: scanner-simulator-main (--pty <path> | --fifo <path>) [options]
  --terminator cr|crlf|lf|none   serial: what ends a code (default cr)
  --chunk <n>                    serial: bytes per write (default all)
  --gap <ms>                     pause between writes (default 0)
  --control <port>               loopback HTTP control API (default 0 = any free port)`;

const { values } = parseArgs({
  options: {
    pty: { type: 'string' },
    fifo: { type: 'string' },
    terminator: { type: 'string', default: 'cr' },
    chunk: { type: 'string', default: '0' },
    gap: { type: 'string', default: '0' },
    control: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h' },
  },
});
const terminator = values.terminator as ScanTerminator;
if (values.help || (values.pty === undefined) === (values.fifo === undefined) || !['cr', 'crlf', 'lf', 'none'].includes(terminator)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const closers: (() => Promise<void>)[] = [];
const sim = new ScannerSimulator({ mode: values.fifo ? 'keyboard' : 'serial', terminator, chunkSize: Number(values.chunk), gapMs: Number(values.gap) });

const control = buildControlApp({ kind: 'scanner', scanner: sim });
closers.push(() => control.close());
/** Starts the control API and says where everything is (before a FIFO waits for its reader). */
const announce = async (address: string): Promise<void> => {
  const url = await control.listen({ host: '127.0.0.1', port: Number(values.control) });
  const ready: SimulatorReady = { ready: true, device: 'scanner', address, control: url, pid: process.pid };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
};

if (values.pty) {
  const pair = await createPtyPair(values.pty, `${values.pty}.sim`);
  const simEnd = await openTransport(`file:${pair.simPath}`);
  sim.attach(simEnd);
  closers.push(() => simEnd.close(), () => pair.close());
  await announce(`serial:${values.pty}?baud=9600`);
  console.error(`scanner-simulator: serial scanner at ${values.pty} (address serial:${values.pty}?baud=9600, mode serial)`);
} else {
  const path = values.fifo!;
  if (!(await stat(path).then((s) => s.isFIFO(), () => false))) {
    if (spawnSync('mkfifo', [path]).status !== 0) {
      console.error(`scanner-simulator: cannot make a FIFO at ${path}`);
      process.exit(1);
    }
    closers.push(() => rm(path, { force: true }));
  }
  console.error(`scanner-simulator: keyboard wedge at ${path} (address evdev:${path}, mode keyboard); waiting for the agent to open it`);
  await announce(`evdev:${path}`);
  // Opening a FIFO for writing waits until a reader (the agent) has it open.
  const writer = await open(path, 'w');
  sim.attach({ write: async (data) => void (await writer.write(data)) });
  closers.push(() => writer.close());
}
console.error('scanner-simulator: ready; type a code and Enter to scan it');

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const garbage = /^garbage\s+([0-9a-f\s]+)$/i.exec(line);
  try {
    if (garbage) await sim.garbage(Buffer.from(garbage[1]!.replace(/\s+/g, ''), 'hex'));
    else await sim.scan(line);
    // The text may be a personal code: say only that it was sent.
    console.error(`scanner-simulator: sent ${garbage ? 'garbage' : 'a scan'}`);
  } catch (err) {
    console.error(`scanner-simulator: ${(err as Error).message}`);
  }
}
await sim.close();
for (const close of closers) await close();
