/**
 * The device agent: `npm run agent -- --config agent.json` or
 * `npm run agent -- --reader serial:/dev/ttyUSB0 --printer tcp:192.168.1.50:9100`.
 * Prints its URL and pairing token; SIGINT/SIGTERM close it cleanly. Same as `npx device-agent run`.
 */
import { CliError } from './cli/cli-error';
import { processIo } from './cli/cli-io';
import { runAgent } from './cli/run-agent';

try {
  await runAgent(process.argv.slice(2), processIo);
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  processIo.err(`device-agent: ${err.message}`);
  process.exit(err.code === 'CLI_USAGE' ? 2 : 1);
}
