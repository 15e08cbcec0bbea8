/** `npx device-agent <command>` (bin/device-agent.js runs this through tsx). */
import { processIo } from './cli-io';
import { runDeviceAgentCli } from './device-agent-cli';

const code = await runDeviceAgentCli(process.argv.slice(2), processIo);
if (code !== 'running') process.exitCode = code;
