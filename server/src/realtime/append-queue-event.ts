import { shanghaiDate, type QueueEventBody } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

/** The NOTIFY channel; the payload is "<centreId>:<eventId>". */
export const QUEUE_EVENTS_CHANNEL = 'queue_events';

/**
 * Appends an event inside the caller's transaction, so the event exists exactly when the change
 * it describes commits. The advisory lock serialises a centre's appends until commit: ids of a
 * centre become visible in order, which lets a reconnecting client ask for "after id N".
 * NOTIFY is delivered on commit only, and dropped on rollback.
 */
export async function appendQueueEvent(tx: SqlDatabase, centreId: string, body: QueueEventBody, at: Date): Promise<string> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('queue_events:' || $1))", [centreId]);
  const { type, ...payload } = body;
  const [row] = await tx.query<{ id: string }>(
    'INSERT INTO queue_events (centre_id, day, type, payload, created_at) VALUES ($1, $2::date, $3, $4::jsonb, $5) RETURNING id::text AS id',
    [centreId, shanghaiDate(at), type, JSON.stringify(payload), at],
  );
  await tx.query('SELECT pg_notify($1, $2)', [QUEUE_EVENTS_CHANNEL, `${centreId}:${row!.id}`]);
  return row!.id;
}
