/**
 * A GA 467 ID card reader in its own process, for trying the agent (or any GA 467 tool) without
 * hardware, and for scripting it to misbehave:
 *   npx tsx device-agent/src/simulators/reader-simulator-main.ts --tcp 7500 --control 7600 --card li-xiuying
 *     → run the agent with --reader tcp:127.0.0.1:7500
 *   npx tsx device-agent/src/simulators/reader-simulator-main.ts --pty /tmp/ttyIdReader
 *     → run the agent with --reader serial:/tmp/ttyIdReader (needs socat)
 * The control API (see control/build-control-app.ts) places cards, sets faults and pulls the
 * cable; lines on stdin do the simple things too: `place <key>`, `remove`, `list`.
 */
import { parseArgs } from 'node:util';
import { maskIdNumber, maskName } from '@eldercare/domain';
import { COMMON_SIMULATOR_OPTIONS, COMMON_SIMULATOR_USAGE, runSimulatorProcess } from './control/run-simulator-process';
import { ReaderSimulator, UnknownDemoCardError } from './reader-simulator';

const USAGE = `Usage: reader-simulator-main (--tcp [host:]port | --pty <path>) [options]
  --card <key>           place this demo card at start
  --verbose              log every command and its SW3 (stderr)
${COMMON_SIMULATOR_USAGE}`;

const { values } = parseArgs({
  options: { ...COMMON_SIMULATOR_OPTIONS, card: { type: 'string' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.error(USAGE);
  process.exit(0);
}

const reader = new ReaderSimulator();

const place = (key: string, log: (line: string) => void): void => {
  try {
    const card = reader.placeDemoCard(key);
    log(`Card placed: ${key} (${maskName(card.name)}, ${maskIdNumber(card.idNumber)})`);
  } catch (err) {
    if (!(err instanceof UnknownDemoCardError)) throw err;
    log(`${err.message}; type "list" for the demo residents`);
  }
};

await runSimulatorProcess({
  name: 'reader-simulator',
  device: { kind: 'reader', reader },
  flags: values,
  close: () => reader.close(),
  onReady(log) {
    if (values.verbose) reader.onExchange(({ command, sw3 }) => log(`[${command}] → ${sw3.toString(16).toUpperCase()}`));
    if (values.card) place(values.card, log);
    log('Commands on stdin: place <key> | remove | list');
  },
  onStdinLine(line, log) {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'place' && arg) place(arg, log);
    else if (command === 'remove') {
      reader.removeCard();
      log('Card removed');
    } else if (command === 'list') {
      for (const r of reader.demoResidents()) log(`  ${r.key.padEnd(16)} ${maskName(r.name)}  ${r.age}  ${r.note.en}`);
    } else if (command) log('Commands: place <key> | remove | list');
  },
});
