-- Calling at the windows: who has a counter open, the counter's interleave memory, and what a
-- ticket went through (calls, why, by whom, transfers). Ticket semantics stay as before:
-- status waiting → called → done | no-show, called_at = first call, finished_at = done or no-show
-- time, counter_number = the counter that (last) called it.

-- open | paused | closed. `open` (0004) stays, kept equal to state <> 'closed' by the window
-- service: a paused counter still counts for wait estimates, it will be back.
ALTER TABLE counters ADD COLUMN state text NOT NULL DEFAULT 'closed' CHECK (state IN ('open', 'paused', 'closed'));
UPDATE counters SET state = CASE WHEN open THEN 'open' ELSE 'closed' END;
-- The staff member who opened it; null when closed.
ALTER TABLE counters ADD COLUMN staff_username text;
-- Priority calls in a row at this counter: the interleave's history, per counter, in the
-- database so that every server instance and a restarted one continue the same run.
ALTER TABLE counters ADD COLUMN consecutive_priority_calls integer NOT NULL DEFAULT 0 CHECK (consecutive_priority_calls >= 0);

-- 1 after the first call, +1 per recall; back to 0 when transferred (the next window calls anew).
ALTER TABLE tickets ADD COLUMN call_count integer NOT NULL DEFAULT 0;
-- Why it was called (CallReason of @eldercare/domain), for the staff who called it.
ALTER TABLE tickets ADD COLUMN call_reason jsonb;
-- Username of the staff member who last called it.
ALTER TABLE tickets ADD COLUMN called_by text;
ALTER TABLE tickets ADD COLUMN last_called_at timestamptz;
-- Transferred to one counter by name: only that counter calls it, before its own line.
ALTER TABLE tickets ADD COLUMN target_counter integer CHECK (target_counter BETWEEN 1 AND 99);
-- The counter that last transferred it.
ALTER TABLE tickets ADD COLUMN transferred_from_counter integer;
-- A ticket transferred to another category keeps its printed number (A012 waiting in line B)
-- and its place (issued_at): `category` is the line it waits in now, `issued_category` the one
-- that numbered it, set on the first transfer (null: never transferred, = category). Numbers
-- stay unique per issuing category, so the sequence constraint moves to that expression.
ALTER TABLE tickets ADD COLUMN issued_category text;
ALTER TABLE tickets DROP CONSTRAINT tickets_centre_id_category_day_sequence_key;
CREATE UNIQUE INDEX tickets_issued_sequence ON tickets (centre_id, (COALESCE(issued_category, category)), day, sequence);
-- A counter has at most one current ticket.
CREATE UNIQUE INDEX tickets_current_per_counter ON tickets (centre_id, counter_number) WHERE status = 'called';

-- Reading a ticket holder's (masked) details at a window is audited like a login: who, when,
-- which ticket, why.
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_event_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_event_check CHECK (event IN ('login_ok', 'login_failed', 'login_throttled', 'logout', 'holder_read'));
ALTER TABLE staff_audit ADD COLUMN ticket_id uuid;
ALTER TABLE staff_audit ADD COLUMN reason text;
