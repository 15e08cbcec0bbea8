import type { WaitingCounts } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

/** Waiting tickets per category of a centre on a Shanghai day, every category (0 too), in display order. */
export async function waitingCounts(db: SqlDatabase, centreId: string, day: string): Promise<WaitingCounts> {
  return db.query<{ category: string; waiting: number }>(
    `SELECT c.code AS category, count(t.id)::int AS waiting
     FROM ticket_categories c
     LEFT JOIN tickets t ON t.centre_id = c.centre_id AND t.category = c.code AND t.day = $2::date AND t.status = 'waiting'
     WHERE c.centre_id = $1 GROUP BY c.code, c.sort_order ORDER BY c.sort_order, c.code`,
    [centreId, day],
  );
}
