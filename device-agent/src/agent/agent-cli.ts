import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AgentConfigError } from '../config/agent-config-error';
import type { AgentConfig, AgentConfigInput } from '../config/agent-config-schema';
import { loadAgentConfig, readText, type ReadText } from '../config/load-agent-config';

export const DEFAULT_AGENT_PORT = 7421;
export const DEFAULT_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];

export const AGENT_OPTIONS_USAGE = `  --config <file.json>      the config file (see agent-config.example.json); the flags below override it,
                            and the agent reloads it when it changes or on SIGHUP
  --reader <address>        ID card reader (default sim:), e.g. serial:/dev/ttyUSB0?baud=115200, tcp:127.0.0.1:7500
  --printer <address>       receipt printer (default sim:), e.g. tcp:192.168.1.50:9100, file:/dev/usb/lp0
  --ticket-printer <addr>   queue ticket printer (default none), e.g. usb:0416:5011
  --scanner <address>       QR/barcode scanner (default none), e.g. serial:/dev/ttyACM0?baud=9600
  --port <n>                loopback port (default ${DEFAULT_AGENT_PORT}; 0 = any free port)
  --token <secret>          pairing token (default: a random one, printed at start)
  --origin <origin>         allowed UI origin, repeatable (default ${DEFAULT_ORIGINS.join(' and ')})
  --quiet                   no request log`;

export const AGENT_USAGE = `Usage: npm run agent -- [options]   (or: npx device-agent run [options])
${AGENT_OPTIONS_USAGE}`;

export interface AgentCli {
  config: AgentConfig;
  /** The --config file, watched for changes. */
  configPath?: string;
  /** What the flags set (and a generated token): laid over the file again on every reload. */
  overrides: AgentConfigInput;
  /** True when neither a flag nor the file gave a token and one was generated (main prints it). */
  tokenGenerated: boolean;
  help: boolean;
}

export const AGENT_CLI_OPTIONS = {
  reader: { type: 'string' },
  printer: { type: 'string' },
  'ticket-printer': { type: 'string' },
  scanner: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  origin: { type: 'string', multiple: true },
  config: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Flags win over the config file, which wins over the defaults. */
export async function parseAgentCli(argv: string[], read: ReadText = readText): Promise<AgentCli> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: AGENT_CLI_OPTIONS, strict: true }));
  } catch (err) {
    throw new AgentConfigError('AGENT_CONFIG_INVALID', (err as Error).message);
  }
  const overrides = flagOverrides(values);
  let config = await loadAgentConfig(values.config, overrides, read);
  let tokenGenerated = false;
  if (config.api.pairingToken === undefined) {
    tokenGenerated = true;
    overrides.api = { ...overrides.api, pairingToken: randomBytes(24).toString('base64url') };
    config = await loadAgentConfig(values.config, overrides, read);
  }
  return {
    config,
    ...(values.config !== undefined && { configPath: values.config }),
    overrides,
    tokenGenerated,
    help: values.help,
  };
}

interface FlagValues {
  reader?: string;
  printer?: string;
  'ticket-printer'?: string;
  scanner?: string;
  port?: string;
  token?: string;
  origin?: string[];
  quiet?: boolean;
}

function flagOverrides(values: FlagValues): AgentConfigInput {
  const api: NonNullable<AgentConfigInput['api']> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || !Number.isInteger(port)) {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `--port: expected a port number from 0 to 65535 (got "${values.port}")`, [{ path: 'api.port', message: 'expected a port number' }]);
    }
    api.port = port;
  }
  if (values.token !== undefined) api.pairingToken = values.token;
  if (values.origin !== undefined) api.allowedOrigins = values.origin;
  const printers: NonNullable<AgentConfigInput['printers']> = {};
  if (values.printer !== undefined) printers.receipt = { address: values.printer };
  if (values['ticket-printer'] !== undefined) printers.ticket = { address: values['ticket-printer'] };
  return {
    ...(Object.keys(api).length > 0 && { api }),
    ...(values.reader !== undefined && { reader: { address: values.reader } }),
    ...(Object.keys(printers).length > 0 && { printers }),
    ...(values.scanner !== undefined && { scanner: { address: values.scanner } }),
    ...(values.quiet && { logger: false }),
  };
}
