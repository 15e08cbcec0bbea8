import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppOptions } from './app-options';
import { parseDataKey } from './crypto/resolve-data-key';
import { DEMO_STAFF_PASSWORDS_FILE } from './staff/demo-staff-seeder';
import { parseAllowedOrigins } from './webhooks/webhook-url-policy';

/** The repository root (server/src → ../..), for defaults relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ListenOptions {
  port: number;
  host: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/**
 * Reads the server's environment: PORT, HOST, DATABASE_URL, DATA_DIR, DATA_KEY, UI_DIR,
 * DEMO_REGISTRY, CENTRE_NAME, DEMO_STAFF, STAFF_SESSION_HOURS, STAFF_IDLE_MINUTES,
 * TRUST_FORWARDED_PROTO, RIDE_HAILING_URL, RIDE_HAILING_TOKEN, WEBHOOK_DISPATCH, WEBHOOK_ALLOWED_ORIGINS (see server/README.md).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): { app: AppOptions; listen: ListenOptions } {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? 8080 : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, got ${env['PORT']}`);
  const databaseUrl = env['DATABASE_URL'];
  const uiDefault = resolve(repoRoot, 'kiosk-ui/dist');
  const uiDir = env['UI_DIR'] ? resolve(env['UI_DIR']) : existsSync(uiDefault) ? uiDefault : undefined;
  const app: AppOptions = {
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: resolve(repoRoot, env['DATA_DIR'] || 'data') },
    seedDemoRegistry: env['DEMO_REGISTRY'] !== '0',
    logger: true,
  };
  if (env['DATA_KEY']) app.dataKey = parseDataKey(env['DATA_KEY']);
  if (uiDir) app.uiDir = uiDir;
  if (env['CENTRE_NAME']) app.centreName = env['CENTRE_NAME'];
  if (env['RIDE_HAILING_URL']) app.rideHailing = { baseUrl: env['RIDE_HAILING_URL'], ...(env['RIDE_HAILING_TOKEN'] && { token: env['RIDE_HAILING_TOKEN'] }) };
  app.staff = staffOptionsFromEnv(env, resolve(repoRoot, env['DATA_DIR'] || 'data'));
  // Every instance may send webhooks (SKIP LOCKED); `off` keeps this one from sending.
  if (env['WEBHOOK_DISPATCH'] === 'off') app.webhooks = { dispatch: false };
  if (env['WEBHOOK_ALLOWED_ORIGINS']) app.webhooks = { ...app.webhooks, allowedOrigins: allowedOriginsFromEnv(env['WEBHOOK_ALLOWED_ORIGINS']) };
  return { app, listen: { port, host: env['HOST'] || '0.0.0.0' } };
}

function allowedOriginsFromEnv(list: string): string[] {
  try {
    return parseAllowedOrigins(list);
  } catch (error) {
    throw new ConfigError(`WEBHOOK_ALLOWED_ORIGINS must be comma-separated http(s) origins: ${(error as Error).message}`);
  }
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got ${raw}`);
  return value;
}

/** Staff sessions and demo accounts: the passwords file sits in the data folder even with PostgreSQL. */
function staffOptionsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): NonNullable<AppOptions['staff']> {
  const hours = positiveNumber(env, 'STAFF_SESSION_HOURS');
  const idleMinutes = positiveNumber(env, 'STAFF_IDLE_MINUTES');
  return {
    sessionLimits: {
      ...(hours !== undefined && { absoluteMs: hours * 3_600_000 }),
      ...(idleMinutes !== undefined && { idleMs: idleMinutes * 60_000 }),
    },
    trustForwardedProto: env['TRUST_FORWARDED_PROTO'] === '1',
    ...(env['DEMO_STAFF'] !== 'off' && { demoPasswordsFile: join(dataDir, DEMO_STAFF_PASSWORDS_FILE) }),
  };
}
