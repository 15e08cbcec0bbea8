/**
 * The device agent: `npm run agent -- --config agent.json` or `--reader serial:/dev/ttyUSB0 --printer tcp:192.168.1.50:9100`.
 * Prints its URL and pairing token; SIGINT/SIGTERM close it cleanly.
 */
import { AGENT_USAGE, parseAgentCli } from './agent/agent-cli';
import { startAgent } from './agent/start-agent';

async function main(): Promise<void> {
  let cli;
  try {
    cli = await parseAgentCli(process.argv.slice(2));
  } catch (err) {
    console.error(`device-agent: ${(err as Error).message}\n\n${AGENT_USAGE}`);
    process.exit(2);
  }
  if (cli.help) {
    console.log(AGENT_USAGE);
    return;
  }
  const agent = await startAgent(cli.config).catch((err: Error & { code?: string }) => {
    console.error(`device-agent: cannot start: ${err.message}`);
    process.exit(1);
  });
  const { config } = cli;
  console.log(`Device agent at ${agent.url}`);
  console.log(`  pairing token: ${config.api.pairingToken}${cli.tokenGenerated ? ' (generated; pass --token or set api.pairingToken to fix it)' : ''}`);
  console.log(`  reader: ${config.reader.address}   receipt printer: ${config.printers.receipt.address}`);
  console.log(`  allowed origins: ${config.api.allowedOrigins.join(', ')}`);
  if (agent.simulators.reader || agent.simulators.receiptPrinter) console.log(`  simulator controls under ${agent.url}/v1/sim/`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing the device agent`);
    agent.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`device-agent: error while closing: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
