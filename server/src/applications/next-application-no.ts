import { shanghaiDate } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

export class ApplicationNumbersExhaustedError extends Error {
  constructor(day: string) {
    super(`All 999999 application numbers of ${day} are used`);
  }
}

/**
 * YL + Shanghai date (YYYYMMDD) + 6-digit daily sequence. The sequence is a row per day,
 * incremented in the caller's transaction: the row lock makes concurrent applications on any
 * number of instances take turns, and a rollback returns the number, so there are no gaps.
 */
export async function nextApplicationNo(tx: SqlDatabase, now: Date): Promise<string> {
  const day = shanghaiDate(now).replaceAll('-', '');
  const [row] = await tx.query<{ last_value: number }>(
    `INSERT INTO application_counters (day, last_value) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last_value = application_counters.last_value + 1
     RETURNING last_value`,
    [day],
  );
  const sequence = row!.last_value;
  if (sequence > 999_999) throw new ApplicationNumbersExhaustedError(day);
  return `YL${day}${String(sequence).padStart(6, '0')}`;
}
