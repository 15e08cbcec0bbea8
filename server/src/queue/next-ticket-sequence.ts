import type { SqlDatabase } from '../db/sql-database';
import { TicketNumbersExhaustedError } from './queue-errors';

export const MAX_TICKETS_PER_CATEGORY_DAY = 999;

/**
 * The next sequence (1–999) of a centre's category on a Shanghai day. A row per centre, category
 * and day, incremented in the caller's transaction: the row lock makes concurrent kiosks on any
 * number of instances take turns, a rollback gives the number back (no gaps), and a new day is a
 * new row (numbers restart at local midnight).
 */
export async function nextTicketSequence(tx: SqlDatabase, centreId: string, category: string, day: string): Promise<number> {
  const [row] = await tx.query<{ last_value: number }>(
    `INSERT INTO ticket_day_counters (centre_id, category, day, last_value) VALUES ($1, $2, $3::date, 1)
     ON CONFLICT (centre_id, category, day) DO UPDATE SET last_value = ticket_day_counters.last_value + 1
     RETURNING last_value`,
    [centreId, category, day],
  );
  const sequence = row!.last_value;
  // Thrown inside the transaction, so the increment past 999 is rolled back too.
  if (sequence > MAX_TICKETS_PER_CATEGORY_DAY) throw new TicketNumbersExhaustedError(centreId, category, day);
  return sequence;
}
