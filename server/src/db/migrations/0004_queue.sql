-- Queue tickets: centres, their ticket categories and counters (windows), and the tickets of
-- each Shanghai day. Ticket numbers come from ticket_day_counters inside the issuing transaction
-- (row lock, rollback gives the number back), so several instances never repeat or skip one.

CREATE TABLE centres (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9-]{1,32}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- The fair-interleave rule of this centre (QueueRules of @eldercare/domain, as JSON).
  queue_rules jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE ticket_categories (
  centre_id text NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
  -- The ticket prefix, one capital letter.
  code text NOT NULL CHECK (code ~ '^[A-Z]$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- Null: the centre rules' averageServiceMinutes.
  average_service_minutes real CHECK (average_service_minutes > 0),
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (centre_id, code)
);

CREATE TABLE counters (
  centre_id text NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  -- Category codes this window serves.
  categories text[] NOT NULL,
  open boolean NOT NULL DEFAULT false,
  PRIMARY KEY (centre_id, number)
);

-- One row per centre, category and Shanghai day; last_value is the last sequence issued.
CREATE TABLE ticket_day_counters (
  centre_id text NOT NULL,
  category text NOT NULL,
  day date NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (centre_id, category, day),
  FOREIGN KEY (centre_id, category) REFERENCES ticket_categories (centre_id, code) ON DELETE CASCADE
);

CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  centre_id text NOT NULL,
  category text NOT NULL,
  day date NOT NULL,
  sequence integer NOT NULL CHECK (sequence BETWEEN 1 AND 999),
  ticket_no text NOT NULL,
  -- 优先办 classes (PriorityClass: 'age80', 'veteran', 'disability', 'appointment'); empty = normal.
  priority text[] NOT NULL DEFAULT '{}',
  -- HMAC blind index of the holder's ID number (as residents.id_number_index), to find a
  -- person's ticket; null for a ticket taken without a card. Never the clear number.
  person_index bytea,
  kiosk_id text,
  issued_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'waiting'
    CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no-show', 'transferred', 'cancelled')),
  called_at timestamptz,
  counter_number integer,
  finished_at timestamptz,
  UNIQUE (centre_id, category, day, sequence),
  UNIQUE (centre_id, day, ticket_no),
  FOREIGN KEY (centre_id, category) REFERENCES ticket_categories (centre_id, code)
);
CREATE INDEX tickets_centre_day_status ON tickets (centre_id, day, status, category);
CREATE INDEX tickets_person ON tickets (person_index, day) WHERE person_index IS NOT NULL;

-- Idempotency-Key of POST /queue/tickets → the ticket it issued, and the SHA-256 of the body.
CREATE TABLE ticket_idempotency_keys (
  idempotency_key text PRIMARY KEY,
  request_hash bytea NOT NULL,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);

-- Registry flags for 优先办 that the registry did not have yet.
-- 优抚对象 (veterans, martyrs' families and other entitled groups).
ALTER TABLE residents ADD COLUMN veteran boolean NOT NULL DEFAULT false;
ALTER TABLE residents ADD COLUMN has_disability boolean NOT NULL DEFAULT false;
