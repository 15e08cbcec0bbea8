import type { AgentConfig } from './agent-config-schema';

/** The parts of the agent that can be reopened on their own while it runs. */
export type DevicePart = 'reader' | 'printers.receipt' | 'printers.ticket' | 'scanner';

export interface ConfigChanges {
  /** Devices whose config changed: each is closed and opened again with its new config. */
  reopen: DevicePart[];
  /** Keys that changed but only take effect after a restart (the API is bound once). */
  restartNeeded: string[];
}

const RESTART_KEYS = ['api.host', 'api.port', 'api.pairingToken', 'api.allowedOrigins', 'queueDir', 'logger', 'cardHoldMs', 'simulatorControl'] as const;

/** What going from `prev` to `next` takes: compares each part's JSON. */
export function configChanges(prev: AgentConfig, next: AgentConfig): ConfigChanges {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const reopen: DevicePart[] = [];
  // The simulated reader's demo residents are computed for simulatedToday.
  if (!same(prev.reader, next.reader) || (prev.simulatedToday !== next.simulatedToday && next.reader.address.startsWith('sim:'))) reopen.push('reader');
  if (!same(prev.printers.receipt, next.printers.receipt)) reopen.push('printers.receipt');
  if (!same(prev.printers.ticket, next.printers.ticket)) reopen.push('printers.ticket');
  if (!same(prev.scanner, next.scanner)) reopen.push('scanner');
  const restartNeeded = RESTART_KEYS.filter((key) => !same(valueAt(prev, key), valueAt(next, key)));
  return { reopen, restartNeeded };
}

function valueAt(config: AgentConfig, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], config);
}
