/**
 * `npx tsx server/src/webhooks/webhook-cli.ts <command>`: department webhooks on the database the
 * server would use (DATABASE_URL + DATA_KEY, else PGlite in DATA_DIR with its key file; stop a
 * PGlite server first, one process per folder).
 *
 *   list
 *   set --department street-office --url https://so.example/hook [--takeover] [--personal-data] [--paused]
 *   remove --department street-office
 *   deliveries --department street-office [--status failed]
 *   retry --department street-office        (failed deliveries become due again, attempts from 0)
 *
 * The secret (32–200 characters) comes from stdin only, never from a flag; `set` on an existing
 * subscription with empty stdin keeps the stored secret.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Value } from 'typebox/value';
import { WebhookDepartmentSchema, WebhookDeliveryStatusSchema, WebhookSubscriptionInputSchema, type DepartmentKey, type WebhookDeliveryStatus } from '@eldercare/domain';
import { DataProtector } from '../crypto/data-protector';
import { loadOrCreateKeyFile } from '../crypto/resolve-data-key';
import { runMigrations } from '../db/run-migrations';
import type { SqlDatabase } from '../db/sql-database';
import type { AppOptions } from '../app-options';
import { ApiError } from '../errors/api-error';
import { optionsFromEnv } from '../options-from-env';
import { openDatabase } from '../plugins/database-plugin';
import { listWebhookDeliveries } from './webhook-deliveries';
import { WebhookSubscriptions } from './webhook-subscriptions';

class UsageError extends Error {
  readonly code = 'WEBHOOK_CLI_USAGE';
}

const USAGE = 'Usage: webhooks list | set --department d --url u [--takeover] [--personal-data] [--paused] | remove --department d | deliveries --department d [--status s] | retry --department d';

async function readSecret(): Promise<string | undefined> {
  const tty = process.stdin.isTTY === true;
  if (tty) process.stderr.write('Secret (32–200 characters; empty keeps the stored one): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line.trim() === '' ? undefined : line.trim();
    return undefined;
  } finally {
    rl.close();
  }
}

/** The same key the server uses, checked against the database's key check like the server does at start. */
async function protectorFor(db: SqlDatabase, app: AppOptions): Promise<DataProtector> {
  const key = app.dataKey ?? (app.database.kind === 'pglite' && app.database.dataDir ? await loadOrCreateKeyFile(app.database.dataDir) : undefined);
  if (!key) throw new UsageError('DATA_KEY is required with DATABASE_URL');
  const protector = new DataProtector(key);
  const [row] = await db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM data_key_check WHERE id = 1');
  if (row && !protector.matchesKeyCheck(row.ciphertext)) throw new UsageError('The data key does not match this database');
  return protector;
}

function department(value: string | undefined): DepartmentKey {
  if (!value || !Value.Check(WebhookDepartmentSchema, value)) throw new UsageError('--department must be a catalogue department (street-office, medical-insurance, …)');
  return value;
}

export async function runWebhookCli(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      department: { type: 'string' },
      url: { type: 'string' },
      takeover: { type: 'boolean' },
      'personal-data': { type: 'boolean' },
      paused: { type: 'boolean' },
      status: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (!command || !['list', 'set', 'remove', 'deliveries', 'retry'].includes(command)) throw new UsageError(USAGE);
  const { app: options } = optionsFromEnv();
  const db = await openDatabase(options.database);
  try {
    await runMigrations(db);
    // The same allowed origins as the server's (WEBHOOK_ALLOWED_ORIGINS).
    const subscriptions = new WebhookSubscriptions(db, await protectorFor(db, options), () => new Date(), { allowedOrigins: options.webhooks?.allowedOrigins });
    if (command === 'list') {
      for (const s of await subscriptions.list()) {
        const d = s.deliveries;
        console.log([s.department, s.url, s.takeover ? 'takeover' : 'notify', s.personalData ? 'masked-person' : 'no-person', s.active ? 'active' : 'paused', `pending ${d.pending} delivered ${d.delivered} failed ${d.failed}`].join('\t'));
      }
      return;
    }
    const dept = department(values.department);
    if (command === 'set') {
      const secret = await readSecret();
      const input = { url: values.url ?? '', takeover: values.takeover ?? false, personalData: values['personal-data'] ?? false, active: !values.paused, ...(secret !== undefined && { secret }) };
      if (!Value.Check(WebhookSubscriptionInputSchema, input)) throw new UsageError('--url must be http(s)://…, the secret 32–200 characters');
      const view = await subscriptions.put(dept, input, 'cli');
      console.log(`${view.department} → ${view.url} (${view.takeover ? 'takeover' : 'notify'})`);
    } else if (command === 'remove') {
      await subscriptions.remove(dept);
      console.log(`removed ${dept}; its pending deliveries are failed`);
    } else if (command === 'deliveries') {
      const status = values.status;
      if (status !== undefined && !Value.Check(WebhookDeliveryStatusSchema, status)) throw new UsageError('--status must be pending, delivered or failed');
      for (const d of await listWebhookDeliveries(db, dept, { ...(status !== undefined && { status: status as WebhookDeliveryStatus }), limit: 200 })) {
        console.log([d.id, d.kind, `${d.applicationNo}/${d.partNo}`, d.status, `attempts ${d.attempts}`, d.lastStatusCode ?? '-', d.lastError ?? '', d.nextAttemptAt ?? ''].join('\t'));
      }
    } else {
      const rows = await db.query(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE department = $1 AND status = 'failed' RETURNING id`,
        [dept],
      );
      console.log(`${rows.length} failed deliveries of ${dept} are due again`);
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runWebhookCli(process.argv.slice(2)).catch((error: unknown) => {
    const known = error instanceof ApiError || error instanceof UsageError;
    console.error(known ? `${(error as ApiError).code}: ${(error as Error).message}` : error);
    process.exit(known ? 1 : 2);
  });
}
