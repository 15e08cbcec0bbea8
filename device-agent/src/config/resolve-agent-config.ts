import { Value } from 'typebox/value';
import { parseDeviceAddress } from '../transports/device-address';
import { AgentConfigError, type AgentConfigIssue } from './agent-config-error';
import { AgentConfigSchema, type AgentConfig } from './agent-config-schema';

export const MIN_TOKEN_LENGTH = 16;

/**
 * The one place defaults are applied: validates a config as written (parsed JSON, merged flags,
 * a test's object) and returns it complete, origins normalised. Throws an AgentConfigError that
 * names every bad key and says what it expects.
 */
export function resolveAgentConfig(input: unknown, source?: string): AgentConfig {
  const issues = agentConfigIssues(input);
  if (issues.length > 0) throw AgentConfigError.fromIssues(issues, source);
  const config = Value.Default(AgentConfigSchema, Value.Clone(input)) as AgentConfig;
  config.api.allowedOrigins = config.api.allowedOrigins.map((o) => new URL(o).origin);
  return config;
}

/** Every problem in a config as written; empty when it is valid. */
export function agentConfigIssues(input: unknown): AgentConfigIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ path: '', message: `expected a JSON object (got ${describe(input)})` }];
  }
  const withDefaults = Value.Default(AgentConfigSchema, Value.Clone(input));
  const issues = schemaIssues(withDefaults);
  // Keys of the right type are checked further even when others are wrong: every problem at once.
  const flagged = new Set(issues.map((i) => i.path));
  return [...issues, ...semanticIssues(withDefaults as AgentConfig).filter((i) => !flagged.has(i.path))];
}

function schemaIssues(value: unknown): AgentConfigIssue[] {
  const issues = new Map<string, AgentConfigIssue>();
  for (const error of Value.Errors(AgentConfigSchema, value)) {
    const path = pointerToPath(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const unknown = (error.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      const schema = schemaAt(error.schemaPath);
      const known = Object.keys((schema?.properties as Record<string, unknown> | undefined) ?? {}).filter((k) => k !== '$schema');
      for (const key of unknown) {
        const at = path ? `${path}.${key}` : key;
        issues.set(at, { path: at, message: `unknown key (expected one of ${known.join(', ')})` });
      }
      continue;
    }
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) continue;
    if (issues.has(path)) continue; // one message per key: the first says what is expected
    const schema = schemaAt(error.schemaPath);
    const expected = typeof schema?.expected === 'string' ? schema.expected : error.message;
    const at = error.keyword === 'required' ? joinPath(path, (error.params as { requiredProperties?: string[] }).requiredProperties?.[0]) : path;
    const got = valueAt(value, error.instancePath);
    // Never echo a secret back into logs or the /tech page.
    const shown = path === 'api.pairingToken' && typeof got === 'string' ? `${got.length} characters` : describe(got);
    issues.set(at, { path: at, message: error.keyword === 'required' ? 'is required' : `expected ${expected} (got ${shown})` });
  }
  return [...issues.values()];
}

function semanticIssues(config: AgentConfig): AgentConfigIssue[] {
  const issues: AgentConfigIssue[] = [];
  const api = (config.api ?? {}) as Partial<AgentConfig['api']>;
  if (typeof api.host === 'string' && !isLoopback(api.host)) {
    issues.push({ path: 'api.host', message: `expected a loopback host such as 127.0.0.1: the agent binds loopback only (got ${describe(api.host)})` });
  }
  (Array.isArray(api.allowedOrigins) ? api.allowedOrigins : []).forEach((origin, i) => {
    if (typeof origin === 'string' && !isOrigin(origin)) issues.push({ path: `api.allowedOrigins.${i}`, message: `expected an origin (scheme://host[:port], no path) such as http://127.0.0.1:8080 (got ${describe(origin)})` });
  });
  const addresses: [string, unknown, string][] = [
    ['reader.address', config.reader?.address, 'serial:/dev/ttyUSB0?baud=115200'],
    ['printers.receipt.address', config.printers?.receipt?.address, 'tcp:192.168.1.50:9100'],
    ['printers.ticket.address', config.printers?.ticket?.address, 'usb:0416:5011'],
    ['scanner.address', config.scanner?.address, 'serial:/dev/ttyACM0?baud=9600'],
  ];
  for (const [path, address, example] of addresses) {
    if (typeof address !== 'string') continue;
    try {
      parseDeviceAddress(address);
    } catch (err) {
      const why = (err as Error).message.replace(/^Invalid device address "[^"]*": /, '');
      issues.push({ path, message: `expected a device address such as ${example} (got ${describe(address)}: ${why})` });
    }
  }
  return issues;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) &&
    host.split('.').every((part) => Number(part) <= 255));
}

/** The address to bind: localhost resolves to 127.0.0.1 so the agent never lands on another interface. */
export function bindHost(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : host;
}

function isOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.origin !== 'null' && url.origin === origin.replace(/\/$/, '');
  } catch {
    return false;
  }
}

function pointerToPath(pointer: string): string {
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function joinPath(path: string, key: string | undefined): string {
  return key === undefined ? path : path ? `${path}.${key}` : key;
}

function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = AgentConfigSchema;
  for (const part of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** The token the agent cannot run without (the CLI generates one when none is configured). */
export function pairingTokenOf(config: AgentConfig): string {
  const token = config.api.pairingToken;
  if (token === undefined) throw AgentConfigError.fromIssues([{ path: 'api.pairingToken', message: 'is required (a secret of at least 16 characters)' }]);
  return token;
}
