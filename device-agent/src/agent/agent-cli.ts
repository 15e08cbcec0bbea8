import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { AgentConfigError, type AgentConfig } from './agent-config';

/** The JSON file given with --config: the same keys as the flags. */
export const AgentConfigFileSchema = Type.Object(
  {
    reader: Type.Optional(Type.String()),
    printer: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    token: Type.Optional(Type.String()),
    origin: Type.Optional(Type.Array(Type.String())),
    pollIntervalMs: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    cardHoldMs: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  { additionalProperties: false },
);
export type AgentConfigFile = Static<typeof AgentConfigFileSchema>;

export const DEFAULT_AGENT_PORT = 7421;
export const DEFAULT_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];

export const AGENT_USAGE = `Usage: npm run agent -- [options]
  --reader <address>    ID card reader (default sim:), e.g. serial:/dev/ttyUSB0?baud=115200, tcp:127.0.0.1:7500
  --printer <address>   receipt printer (default sim:), e.g. tcp:192.168.1.50:9100, file:/dev/usb/lp0
  --port <n>            loopback port (default ${DEFAULT_AGENT_PORT}; 0 = any free port)
  --token <secret>      pairing token (default: a random one, printed at start)
  --origin <origin>     allowed UI origin, repeatable (default ${DEFAULT_ORIGINS.join(' and ')})
  --config <file.json>  the same keys as JSON: reader, printer, port, token, origin[], pollIntervalMs, cardHoldMs
  --quiet               no request log`;

export interface AgentCli {
  config: AgentConfig;
  /** True when no token was given and one was generated (main prints it). */
  tokenGenerated: boolean;
  help: boolean;
}

const checkFile = Compile(AgentConfigFileSchema);

/** Flags win over the config file, which wins over the defaults. */
export async function parseAgentCli(argv: string[], read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<AgentCli> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        reader: { type: 'string' },
        printer: { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        origin: { type: 'string', multiple: true },
        config: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new AgentConfigError('AGENT_CONFIG_INVALID', (err as Error).message);
  }
  let file: AgentConfigFile = {};
  if (values.config) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await read(values.config));
    } catch (err) {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `Cannot read ${values.config}: ${(err as Error).message}`);
    }
    if (!checkFile.Check(parsed)) {
      const first = checkFile.Errors(parsed)[0];
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `${values.config}: ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
    }
    file = parsed;
  }
  const port = values.port === undefined ? (file.port ?? DEFAULT_AGENT_PORT) : Number(values.port);
  if (!Number.isInteger(port)) throw new AgentConfigError('AGENT_CONFIG_INVALID', `--port must be a whole number, got "${values.port}"`);
  const token = values.token ?? file.token;
  return {
    config: {
      port,
      pairingToken: token ?? randomBytes(24).toString('base64url'),
      allowedOrigins: values.origin ?? file.origin ?? DEFAULT_ORIGINS,
      reader: values.reader ?? file.reader ?? 'sim:',
      receiptPrinter: values.printer ?? file.printer ?? 'sim:',
      ...(file.pollIntervalMs ? { pollIntervalMs: file.pollIntervalMs } : {}),
      ...(file.cardHoldMs ? { cardHoldMs: file.cardHoldMs } : {}),
      logger: !values.quiet,
    },
    tokenGenerated: token === undefined,
    help: values.help,
  };
}
