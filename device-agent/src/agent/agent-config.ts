import { DomainError } from '@eldercare/domain';
import { parseDeviceAddress } from '../transports/device-address';

export interface AgentConfig {
  /** Loopback only: 127.0.0.1 (default), another 127.x address, ::1 or localhost. */
  host?: string;
  /** 0 picks any free port. */
  port: number;
  /** The secret the kiosk UI presents as `Authorization: Bearer <token>`. */
  pairingToken: string;
  /** Browser origins allowed to call, e.g. http://127.0.0.1:8080. */
  allowedOrigins: string[];
  /** Device address of the ID card reader, e.g. serial:/dev/ttyUSB0 or sim:. */
  reader: string;
  /** Device address of the receipt printer, e.g. tcp:192.168.1.50:9100 or sim:. */
  receiptPrinter: string;
  /** Time between two find-card polls. */
  pollIntervalMs?: number;
  /** The agent forgets a read card after this long unless released earlier (default 60000). */
  cardHoldMs?: number;
  /** Time between two printer status polls (default 5000). */
  printerStatusIntervalMs?: number;
  /** Time between two attempts to reopen a lost reader link (default 2000). */
  reconnectMs?: number;
  /** Request logging (never bodies); off by default. */
  logger?: boolean;
  /** The Shanghai date the simulators' demo residents are computed for (default: today). */
  simulatedToday?: string;
}

export type AgentConfigErrorCode = 'AGENT_HOST_NOT_LOOPBACK' | 'AGENT_CONFIG_INVALID';

export class AgentConfigError extends DomainError {
  constructor(code: AgentConfigErrorCode, message: string) {
    super(code, message);
  }
}

export const MIN_TOKEN_LENGTH = 16;

/** Checks a config before anything is opened or bound; returns the normalised origins. */
export function validateAgentConfig(config: AgentConfig): { host: string; origins: string[] } {
  const host = config.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new AgentConfigError('AGENT_HOST_NOT_LOOPBACK', `The agent binds loopback only; refusing host "${host}"`);
  }
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new AgentConfigError('AGENT_CONFIG_INVALID', `port must be an integer from 0 to 65535, got ${String(config.port)}`);
  }
  if (typeof config.pairingToken !== 'string' || config.pairingToken.length < MIN_TOKEN_LENGTH) {
    throw new AgentConfigError('AGENT_CONFIG_INVALID', `pairingToken must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  const origins = config.allowedOrigins.map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `Not an origin: "${origin}"`);
    }
    if (url.origin === 'null' || url.origin !== origin.replace(/\/$/, '')) {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `Not an origin (scheme://host[:port] only): "${origin}"`);
    }
    return url.origin;
  });
  for (const [name, value] of [['pollIntervalMs', config.pollIntervalMs], ['cardHoldMs', config.cardHoldMs],
    ['printerStatusIntervalMs', config.printerStatusIntervalMs], ['reconnectMs', config.reconnectMs]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `${name} must be a positive number of milliseconds`);
    }
  }
  for (const address of [config.reader, config.receiptPrinter]) {
    try {
      parseDeviceAddress(address);
    } catch (err) {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', (err as Error).message);
    }
  }
  return { host: host === 'localhost' ? '127.0.0.1' : host, origins };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) &&
    host.split('.').every((part) => Number(part) <= 255));
}
