import type { QueueEvent, QueueEventBody } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

/** One logged event, ready to send: its id for ordering and its SSE frame, built once for every client. */
export interface LoggedEvent {
  id: bigint;
  frame: string;
}

interface EventRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** `id:`, `event:` and `data:` lines; the JSON has no newline, so one data line. */
export function sseFrame(event: QueueEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

function toLoggedEvent(centreId: string, row: EventRow): LoggedEvent {
  const event = { id: row.id, centreId, at: row.created_at.toISOString(), type: row.type, ...row.payload } as QueueEvent & QueueEventBody;
  return { id: BigInt(row.id), frame: sseFrame(event) };
}

const COLUMNS = 'id::text AS id, type, payload, created_at';

/** The reads of queue_events (migration 0006) that delivery needs. */
export const queueEventLog = {
  /** The id of the centre's last event, 0 when none: where a live-only follower starts. */
  async head(db: SqlDatabase, centreId: string): Promise<bigint> {
    const [row] = await db.query<{ head: string }>('SELECT coalesce(max(id), 0)::text AS head FROM queue_events WHERE centre_id = $1', [centreId]);
    return BigInt(row?.head ?? '0');
  },

  /** The next events after `after`, oldest first (ids of a centre commit in id order). */
  async after(db: SqlDatabase, centreId: string, after: bigint, limit: number): Promise<LoggedEvent[]> {
    const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM queue_events WHERE centre_id = $1 AND id > $2::bigint ORDER BY id LIMIT $3`, [
      centreId,
      after.toString(),
      limit,
    ]);
    return rows.map((row) => toLoggedEvent(centreId, row));
  },

  /**
   * What a (re)connecting client missed: the events of `day` after `after`, at most the latest
   * `limit` of them (a display wants the last calls, not a whole day), oldest first.
   */
  async replay(db: SqlDatabase, centreId: string, after: bigint, day: string, limit: number): Promise<{ events: LoggedEvent[]; truncated: boolean }> {
    const rows = await db.query<EventRow>(
      `SELECT ${COLUMNS} FROM (
         SELECT * FROM queue_events WHERE centre_id = $1 AND id > $2::bigint AND day = $3::date ORDER BY id DESC LIMIT $4
       ) latest ORDER BY latest.id`,
      [centreId, after.toString(), day, limit + 1],
    );
    const truncated = rows.length > limit;
    return { events: (truncated ? rows.slice(1) : rows).map((row) => toLoggedEvent(centreId, row)), truncated };
  },

  async centreExists(db: SqlDatabase, centreId: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM centres WHERE id = $1', [centreId])).length > 0;
  },
};
