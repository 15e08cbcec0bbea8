/**
 * `npm run staff -w server -- <command>`: staff accounts on the database the server would use
 * (DATABASE_URL, else PGlite in DATA_DIR; stop a PGlite server first, one process per folder).
 *
 *   add --username window3 --role staff --centre CN-XINJING [--name "3 号窗口"]
 *   passwd --username window3
 *   disable --username window3        (enable --username window3 undoes it)
 *   list
 *
 * Passwords come from stdin only (typed without echo on a terminal, or piped), never from a flag,
 * so they stay out of shell history and the process list.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { StaffRole } from '@eldercare/domain';
import { STAFF_ROLES } from '@eldercare/domain';
import { runMigrations } from '../db/run-migrations';
import { ApiError } from '../errors/api-error';
import { optionsFromEnv } from '../options-from-env';
import { openDatabase } from '../plugins/database-plugin';
import { checkPasswordRules } from './password-hash';
import { StaffAccounts } from './staff-accounts';

class UsageError extends Error {
  readonly code = 'STAFF_CLI_USAGE';
}

/** One line from stdin; on a terminal, asked for without echo. */
async function readLine(prompt: string): Promise<string> {
  const tty = process.stdin.isTTY === true;
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  if (tty) process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, output: tty ? muted : undefined, terminal: tty });
  try {
    for await (const line of rl) return line;
    throw new UsageError('No password on stdin');
  } finally {
    rl.close();
    if (tty) process.stderr.write('\n');
  }
}

async function readNewPassword(): Promise<string> {
  const password = await readLine('New password (at least 10 characters): ');
  checkPasswordRules(password);
  if (process.stdin.isTTY === true && (await readLine('Again: ')) !== password) throw new UsageError('The two passwords differ');
  return password;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

function role(value: string | undefined): StaffRole {
  const r = required(value, 'role');
  if (!(STAFF_ROLES as readonly string[]).includes(r)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  return r as StaffRole;
}

export async function runStaffCli(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { username: { type: 'string' }, role: { type: 'string' }, centre: { type: 'string' }, name: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command || !['add', 'passwd', 'disable', 'enable', 'list'].includes(command)) {
    throw new UsageError('Usage: staff add|passwd|disable|enable|list [--username u] [--role r] [--centre c] [--name n]');
  }
  const db = await openDatabase(optionsFromEnv().app.database);
  try {
    await runMigrations(db);
    const accounts = new StaffAccounts(db, () => new Date());
    if (command === 'list') {
      for (const u of await accounts.list()) {
        console.log([u.username, u.role, u.centreId ?? '-', u.disabled ? 'disabled' : 'active', u.displayName].join('\t'));
      }
      return;
    }
    const username = required(values.username, 'username');
    if (command === 'add') {
      const r = role(values.role);
      const centreId = values.centre ?? null;
      if (centreId === null && r !== 'officer') throw new UsageError('--centre is required for every role but officer');
      await accounts.add({ username, displayName: values.name ?? username, role: r, centreId, password: await readNewPassword() });
      console.log(`added ${username} (${r})`);
    } else if (command === 'passwd') {
      await accounts.setPassword(username, await readNewPassword());
      console.log(`new password for ${username}; their sessions are closed`);
    } else {
      await accounts.setDisabled(username, command === 'disable');
      console.log(`${username} ${command}d; their sessions are closed`);
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runStaffCli(process.argv.slice(2)).catch((error: unknown) => {
    const known = error instanceof ApiError || error instanceof UsageError;
    console.error(known ? `${(error as ApiError).code}: ${(error as Error).message}` : error);
    process.exit(known ? 1 : 2);
  });
}
