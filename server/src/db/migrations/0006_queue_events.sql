-- The queue's event log: every issue, call, recall, no-show, transfer, finish and counter change
-- of a centre, in order. Displays and windows replay it after a reconnect (SSE Last-Event-ID),
-- and its inserts are announced with NOTIFY so every server instance fans them out.
-- Appends of one centre are serialised (advisory lock in the appending transaction), so ids of
-- a centre commit in id order and "everything after id N" never misses a late commit.
CREATE TABLE queue_events (
  id bigserial PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
  -- The Shanghai day the event belongs to.
  day date NOT NULL,
  type text NOT NULL,
  -- The QueueEvent body (domain contracts/queue-events.ts) without id, centre and time. Never
  -- personal data: displays are public.
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX queue_events_centre ON queue_events (centre_id, id);
