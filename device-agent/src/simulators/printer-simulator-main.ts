/**
 * An ESC/POS receipt printer in its own process, on a raw TCP port like port 9100 of a network
 * printer (default 127.0.0.1:9100) or on a pseudo-terminal, scriptable to misbehave:
 *   npx tsx device-agent/src/simulators/printer-simulator-main.ts --tcp 9100 --control 9101
 *     → run the agent with --printer tcp:127.0.0.1:9100
 * Logs a text preview of every job (stderr). The control API (control/build-control-app.ts)
 * sets paper, cover and faults, lists the jobs and pulls the cable.
 */
import { parseArgs } from 'node:util';
import { PrinterStateSchema, type PrinterState } from '@eldercare/domain';
import { COMMON_SIMULATOR_OPTIONS, COMMON_SIMULATOR_USAGE, runSimulatorProcess } from './control/run-simulator-process';
import { PrinterSimulator } from './printer-simulator';

const STATES: readonly string[] = PrinterStateSchema.anyOf.map((s) => s.const);

const USAGE = `Usage: printer-simulator-main [--tcp [host:]port | --pty <path>] [options]
  --state <state>        start in this state: ${STATES.join(', ')}
  --max-jobs <n>         jobs kept for GET /prints (default 500)
  --quiet                no job previews on stderr
${COMMON_SIMULATOR_USAGE}`;

function isState(value: string): value is PrinterState {
  return STATES.includes(value);
}

const { values } = parseArgs({
  options: {
    ...COMMON_SIMULATOR_OPTIONS,
    state: { type: 'string', default: 'ready' },
    'max-jobs': { type: 'string', default: '500' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.error(USAGE);
  process.exit(0);
}
const state = values.state;
if (!isState(state)) {
  console.error(`printer-simulator: --state must be one of ${STATES.join(', ')}`);
  process.exit(2);
}
const maxJobs = Number(values['max-jobs']);
if (!Number.isInteger(maxJobs) || maxJobs < 1) {
  console.error('printer-simulator: --max-jobs takes a positive whole number');
  process.exit(2);
}
if (values.pty === undefined && values.tcp === undefined && values.listen === undefined) values.tcp = '127.0.0.1:9100';

const printer = new PrinterSimulator({ state, maxJobs });

await runSimulatorProcess({
  name: 'printer-simulator',
  device: { kind: 'printer', printer },
  flags: values,
  close: () => printer.close(),
  onReady(log) {
    log(`printer-simulator: state ${printer.state}`);
    printer.on('state', (s) => log(`[state] ${s}`));
    if (values.quiet) return;
    printer.on('job', (job) => {
      const note = job.complete ? '' : ', incomplete';
      log(`\n[${job.id}] ${job.receivedAt.toISOString()}, ${job.bytes.length} bytes${note}\n${job.previewText}\n`);
    });
  },
});
