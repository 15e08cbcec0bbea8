import type { AgentStatus } from '@eldercare/domain';
import { CliError } from './cli-error';

export interface StatusOptions {
  /** e.g. http://127.0.0.1:7421 */
  url: string;
  token: string;
  fetch?: typeof fetch;
}

/** `device-agent status`: asks a running agent for its device status. */
export async function statusCommand(options: StatusOptions): Promise<AgentStatus> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.url}/v1/status`, { headers: { authorization: `Bearer ${options.token}` }, signal: AbortSignal.timeout(5000) });
  } catch {
    throw new CliError('CLI_AGENT_NOT_RUNNING', `No device agent is running at ${options.url}`);
  }
  if (response.status === 401) throw new CliError('CLI_AGENT_REFUSED', `The agent at ${options.url} refused the token (give --token or --config with api.pairingToken)`);
  if (!response.ok) throw new CliError('CLI_AGENT_REFUSED', `The agent at ${options.url} answered HTTP ${response.status}`);
  return (await response.json()) as AgentStatus;
}
