import type { StaffRole, StaffUserView } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { hashPassword } from './password-hash';
import { StaffUserExistsError, StaffUserNotFoundError } from './staff-errors';

export interface StaffUser extends StaffUserView {
  id: string;
  disabled: boolean;
  /** An officer's department (staff_users.department): the worklist they work. */
  department: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewStaffUser {
  username: string;
  displayName: string;
  role: StaffRole;
  centreId: string | null;
  department?: string | null;
  password: string;
}

interface StaffUserRow {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  centre_id: string | null;
  disabled: boolean;
  department: string | null;
  created_at: Date;
  updated_at: Date;
}

export const STAFF_USER_COLUMNS = 'u.id::text AS id, u.username, u.display_name, u.role, u.centre_id, u.disabled, u.department, u.created_at, u.updated_at';

export function staffUserFromRow(row: StaffUserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    centreId: row.centre_id,
    disabled: row.disabled,
    department: row.department,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function staffUserView(user: StaffUser): StaffUserView {
  return { username: user.username, displayName: user.displayName, role: user.role, centreId: user.centreId };
}

/** Staff accounts: created by the CLI (or the demo seeder), never through the API yet. */
export class StaffAccounts {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date,
  ) {}

  /** Adds a user; undefined when the username is taken and `ifAbsent` is set, else throws. */
  async add(user: NewStaffUser, options: { ifAbsent?: boolean } = {}): Promise<StaffUser | undefined> {
    const hash = await hashPassword(user.password);
    const now = this.clock();
    const rows = await this.db.query<StaffUserRow>(
      `INSERT INTO staff_users AS u (username, display_name, role, centre_id, password_hash, created_at, updated_at, department)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING ${STAFF_USER_COLUMNS}`,
      [user.username, user.displayName, user.role, user.centreId, hash, now, user.department ?? null],
    );
    const row = rows[0];
    if (!row) {
      if (options.ifAbsent) return undefined;
      throw new StaffUserExistsError(user.username);
    }
    return staffUserFromRow(row);
  }

  async find(username: string): Promise<(StaffUser & { passwordHash: string }) | undefined> {
    const [row] = await this.db.query<StaffUserRow & { password_hash: string }>(
      `SELECT ${STAFF_USER_COLUMNS}, u.password_hash FROM staff_users u WHERE u.username = $1`,
      [username],
    );
    return row && { ...staffUserFromRow(row), passwordHash: row.password_hash };
  }

  async list(): Promise<StaffUser[]> {
    const rows = await this.db.query<StaffUserRow>(`SELECT ${STAFF_USER_COLUMNS} FROM staff_users u ORDER BY u.username`);
    return rows.map(staffUserFromRow);
  }

  /** A new password ends every open session of the user. */
  async setPassword(username: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        'UPDATE staff_users SET password_hash = $2, updated_at = $3 WHERE username = $1 RETURNING id::text AS id',
        [username, hash, this.clock()],
      );
      if (!rows[0]) throw new StaffUserNotFoundError(username);
      await tx.query('DELETE FROM staff_sessions WHERE user_id = $1', [rows[0].id]);
    });
  }

  /** Only the password hash of an existing user, e.g. after stronger scrypt parameters. */
  async replaceHash(id: string, hash: string): Promise<void> {
    await this.db.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [id, hash]);
  }

  /** Disabling (or enabling) ends every open session of the user. */
  async setDisabled(username: string, disabled: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        'UPDATE staff_users SET disabled = $2, updated_at = $3 WHERE username = $1 RETURNING id::text AS id',
        [username, disabled, this.clock()],
      );
      if (!rows[0]) throw new StaffUserNotFoundError(username);
      await tx.query('DELETE FROM staff_sessions WHERE user_id = $1', [rows[0].id]);
    });
  }
}
