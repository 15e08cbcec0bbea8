-- Issue 5, 分别办理 with external department systems (outbound webhooks, takeover), and the
-- audit rows of person reads.

-- One subscription per department. The secret signs both directions (HMAC-SHA256), stored
-- encrypted with the data key. takeover: new parts of the department are handled by its own
-- system (handled_externally) and moved by signed inbound events. personal_data: the payload
-- carries the applicant's masked name and ID number; otherwise nothing personal.
CREATE TABLE webhook_subscriptions (
  department text PRIMARY KEY,
  url text NOT NULL,
  secret_enc bytea NOT NULL,
  takeover boolean NOT NULL DEFAULT false,
  personal_data boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The outbox: one row per thing to tell a department, unique per source (a new part, or one
-- history entry), so a source is delivered at most once however often it is enqueued. The
-- payload is composed when sent (the application number is final only after the commit).
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department text NOT NULL,
  source_key text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('part.created', 'part.moved')),
  application_id integer NOT NULL,
  part_no integer NOT NULL,
  part_event_id bigint,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- Due time; while an instance is sending it, a lease (a failed instance's rows come back).
  next_attempt_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_department ON webhook_deliveries (department, created_at);

-- Inbound events of a takeover system, by its own event id: a replay is applied once.
CREATE TABLE webhook_inbound_events (
  department text NOT NULL,
  event_id text NOT NULL,
  received_at timestamptz NOT NULL,
  application_id integer NOT NULL,
  part_no integer NOT NULL,
  to_status text NOT NULL,
  PRIMARY KEY (department, event_id)
);

-- A new part of a department whose system took over is handled there from the start.
CREATE FUNCTION webhook_part_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.department = NEW.department AND s.active AND s.takeover) THEN
    NEW.handled_externally := true;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER webhook_part_created BEFORE INSERT ON application_parts FOR EACH ROW EXECUTE FUNCTION webhook_part_created();

-- The transactional outbox: whoever writes a part or a history entry (applications, officers,
-- home visits, the system) enqueues its delivery in the same transaction.
CREATE FUNCTION webhook_enqueue_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (department, source_key, kind, application_id, part_no, next_attempt_at, created_at)
  SELECT s.department, 'part:' || NEW.application_id || ':' || NEW.part_no, 'part.created', NEW.application_id, NEW.part_no, NEW.updated_at, NEW.updated_at
  FROM webhook_subscriptions s WHERE s.department = NEW.department AND s.active
  ON CONFLICT (source_key) DO NOTHING;
  IF FOUND THEN PERFORM pg_notify('webhook_deliveries', ''); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_enqueue_part AFTER INSERT ON application_parts FOR EACH ROW EXECUTE FUNCTION webhook_enqueue_part();

-- A part's first history entry (from nothing) is told with part.created; every later one is a move.
CREATE FUNCTION webhook_enqueue_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.from_status IS NULL THEN RETURN NULL; END IF;
  INSERT INTO webhook_deliveries (department, source_key, kind, application_id, part_no, part_event_id, next_attempt_at, created_at)
  SELECT s.department, 'event:' || NEW.id, 'part.moved', NEW.application_id, NEW.part_no, NEW.id, NEW.at, NEW.at
  FROM application_parts p JOIN webhook_subscriptions s ON s.department = p.department AND s.active
  WHERE p.application_id = NEW.application_id AND p.part_no = NEW.part_no
  ON CONFLICT (source_key) DO NOTHING;
  IF FOUND THEN PERFORM pg_notify('webhook_deliveries', ''); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_enqueue_event AFTER INSERT ON application_part_events FOR EACH ROW EXECUTE FUNCTION webhook_enqueue_event();

-- The audit viewer reads newest first by time (person_read rows and their columns: 0011).
CREATE INDEX staff_audit_at ON staff_audit (at, id);
