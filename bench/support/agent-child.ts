/**
 * The agent alone in a process, for measuring it from outside (bench/agent-rss.ts): starts it
 * with the config in AGENT_CONFIG (JSON) and says `agent ready` once it listens. On SIGUSR2 it
 * runs a full garbage collection and prints `memory {rss, heapUsed}` (bytes), so that memory is
 * compared after the collector has run rather than wherever its sawtooth happens to be.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startAgent } from '@eldercare/device-agent';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const agent = await startAgent(JSON.parse(process.env.AGENT_CONFIG ?? '{}') as Parameters<typeof startAgent>[0]);
console.log(`agent ready ${agent.url}`);
process.on('SIGUSR2', () => {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(`memory ${JSON.stringify({ rss, heapUsed })}`);
});
const stop = () => void agent.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
