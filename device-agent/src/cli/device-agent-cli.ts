import { parseArgs } from 'node:util';
import type { PrinterRole } from '@eldercare/domain';
import { AGENT_OPTIONS_USAGE, DEFAULT_AGENT_PORT } from '../agent/agent-cli';
import { loadAgentConfig } from '../config/load-agent-config';
import { bindHost } from '../config/resolve-agent-config';
import { formatPortList, listPorts } from '../transports/list-ports';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import { runAgent } from './run-agent';
import { statusCommand } from './status-command';
import { testPrintCommand } from './test-print-command';
import { testReadCommand } from './test-read-command';

export const CLI_USAGE = `Usage: npx device-agent <command> [options]

Commands:
  run [options]                  run the agent (same as npm run agent); options:
${AGENT_OPTIONS_USAGE.replace(/^/gm, '    ')}
  ports [--json]                 list serial ports, HID and USB devices and keyboard input devices,
                                 each with the address to put in the config
  test-read --reader <address> [--timeout <s>]
                                 check the reader's SAM, wait for a card (default 10 s) and print it
                                 as JSON, name and ID number masked
  test-print --printer <address> [--role receipt|ticket]
                                 print a test page and report the printer's DLE EOT status
  status [--config <file>] [--token <t>] [--url <http://127.0.0.1:7421>]
                                 ask a running agent for its device status

Stop the agent before test-read/test-print on the same device: a port has one owner.
Exit codes: 0 ok, 2 usage, 3 no device, 4 no card, 5 device fault, 6 agent not running, 7 agent refused.`;

function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new CliError('CLI_USAGE', (err as Error).message);
  }
}

/** Runs one command; resolves with the process exit code ('running' for the agent, which stays up). */
export async function runDeviceAgentCli(argv: string[], io: CliIo): Promise<number | 'running'> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(CLI_USAGE);
        return command === undefined ? 2 : 0;
      case 'run':
        return (await runAgent(rest, io)) === 'help' ? 0 : 'running';
      case 'ports': {
        const values = parse(rest, { json: { type: 'boolean' } });
        if (values.help) return usage(io);
        // Each kind is listed on its own; a missing library is a note in its section, not an error.
        const sections = await listPorts();
        io.out(values.json ? JSON.stringify(sections, null, 2) : formatPortList(sections));
        return 0;
      }
      case 'test-read': {
        const values = parse(rest, { reader: { type: 'string' }, timeout: { type: 'string', default: '10' } });
        if (values.help) return usage(io);
        if (!values.reader) throw new CliError('CLI_USAGE', 'test-read needs --reader <address>, e.g. serial:/dev/ttyUSB0?baud=115200');
        const timeoutS = Number(values.timeout);
        if (!(timeoutS > 0)) throw new CliError('CLI_USAGE', `--timeout takes a number of seconds > 0 (got "${values.timeout}")`);
        io.out(JSON.stringify(await testReadCommand({ reader: values.reader, timeoutS }, io), null, 2));
        return 0;
      }
      case 'test-print': {
        const values = parse(rest, { printer: { type: 'string' }, role: { type: 'string', default: 'receipt' } });
        if (values.help) return usage(io);
        if (!values.printer) throw new CliError('CLI_USAGE', 'test-print needs --printer <address>, e.g. tcp:192.168.1.50:9100');
        if (values.role !== 'receipt' && values.role !== 'ticket') throw new CliError('CLI_USAGE', `--role is receipt or ticket (got "${values.role}")`);
        io.out(JSON.stringify(await testPrintCommand({ printer: values.printer, role: values.role as PrinterRole }, io), null, 2));
        return 0;
      }
      case 'status': {
        const values = parse(rest, { config: { type: 'string' }, token: { type: 'string' }, url: { type: 'string' } });
        if (values.help) return usage(io);
        const config = values.config === undefined ? undefined : await loadAgentConfig(values.config);
        const token = values.token ?? config?.api.pairingToken;
        if (!token) throw new CliError('CLI_USAGE', 'status needs the pairing token: --token <t>, or --config <file> with api.pairingToken');
        const url = values.url ?? `http://${formatHost(bindHost(config?.api.host ?? '127.0.0.1'))}:${config?.api.port ?? DEFAULT_AGENT_PORT}`;
        io.out(JSON.stringify(await statusCommand({ url, token }), null, 2));
        return 0;
      }
      default:
        throw new CliError('CLI_USAGE', `Unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`device-agent ${command ?? ''}: ${err.message}`);
      if (err.code === 'CLI_USAGE') io.err('Run npx device-agent --help for the commands.');
      return err.exitCode;
    }
    if (err instanceof Error && 'code' in err && typeof err.code === 'string') {
      io.err(`device-agent ${command ?? ''}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

function usage(io: CliIo): number {
  io.out(CLI_USAGE);
  return 0;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
