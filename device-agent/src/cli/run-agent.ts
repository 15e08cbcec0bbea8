import { AGENT_USAGE, parseAgentCli } from '../agent/agent-cli';
import { startAgent } from '../agent/start-agent';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';

/**
 * The agent in the foreground (`npm run agent`, `npx device-agent run`): prints its URL and
 * pairing token; SIGINT/SIGTERM close it cleanly. Resolves once it is up.
 */
export async function runAgent(argv: string[], io: CliIo): Promise<'help' | 'running'> {
  let cli;
  try {
    cli = await parseAgentCli(argv);
  } catch (err) {
    throw new CliError('CLI_USAGE', `${(err as Error).message}\n\n${AGENT_USAGE}`);
  }
  if (cli.help) {
    io.out(AGENT_USAGE);
    return 'help';
  }
  const agent = await startAgent(cli.config, {
    ...(cli.configPath !== undefined && { configFile: cli.configPath }),
    overrides: cli.overrides,
    log: (line) => io.err(`device-agent: ${line}`),
  }).catch((err: Error) => {
    throw new CliError('CLI_DEVICE_FAULT', `cannot start: ${err.message}`);
  });
  const { config } = cli;
  io.out(`Device agent at ${agent.url}`);
  io.out(`  pairing token: ${config.api.pairingToken}${cli.tokenGenerated ? ' (generated; pass --token or set api.pairingToken to fix it)' : ''}`);
  io.out(`  reader: ${config.reader.address}   receipt printer: ${config.printers.receipt.address}${config.printers.ticket ? `   ticket printer: ${config.printers.ticket.address}` : ''}`);
  io.out(`  allowed origins: ${config.api.allowedOrigins.join(', ')}`);
  if (cli.configPath) io.out(`  config file: ${cli.configPath} (reloaded when it changes and on SIGHUP)`);
  if (agent.simulators.reader || agent.simulators.receiptPrinter) io.out(`  simulator controls under ${agent.url}/v1/sim/`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    io.out(`\n${signal}: closing the device agent`);
    agent.close().then(
      () => process.exit(0),
      (err: Error) => {
        io.err(`device-agent: error while closing: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => void agent.reloadConfig('signal'));
  return 'running';
}
