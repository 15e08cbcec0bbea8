import type { AgentConfig, AgentConfigInput } from '../config/agent-config-schema';
import type { ConfigReload } from '@eldercare/domain';
import type { ReloadSource } from '../config/config-reloader';
import { composeAgent, type AgentSimulators, type ComposeAgentOptions } from './compose-agent';

export interface RunningAgent {
  /** e.g. http://127.0.0.1:7421 */
  url: string;
  port: number;
  /** The config as resolved (defaults applied). */
  config: AgentConfig;
  close(): Promise<void>;
  /** The in-process simulators of the devices configured as `sim:`. */
  simulators: AgentSimulators;
  /** Reads the config file again and reopens what changed (what SIGHUP does). */
  reloadConfig(source: Exclude<ReloadSource, 'api'>): Promise<ConfigReload>;
}

/** Composes the agent, starts its devices and binds its API to loopback (never anything else). */
export async function startAgent(input: AgentConfigInput, options: ComposeAgentOptions = {}): Promise<RunningAgent> {
  const agent = await composeAgent(input, options);
  agent.startDevices();
  let address: string;
  try {
    address = await agent.app.listen({ host: agent.host, port: agent.config.api.port });
  } catch (err) {
    await agent.close();
    throw err;
  }
  const url = new URL(address);
  return {
    url: `http://${url.host}`,
    port: Number(url.port),
    config: agent.config,
    simulators: agent.simulators,
    close: () => agent.close(),
    reloadConfig: (source) => agent.reloadConfig(source),
  };
}
