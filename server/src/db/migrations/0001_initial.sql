-- Resident registry, identify tokens, applications. Personal data (ID number, name, phone,
-- address) is stored only as AES-256-GCM ciphertext (bytea); an ID number is found through an
-- HMAC-SHA256 blind index. Nothing here may hold personal data in clear.

-- A known ciphertext, so that a server started with the wrong data key refuses to run instead of
-- writing rows nobody can read.
CREATE TABLE data_key_check (
  id integer PRIMARY KEY CHECK (id = 1),
  ciphertext bytea NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE residents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id_number_index bytea NOT NULL UNIQUE,
  id_number_enc bytea NOT NULL,
  name_enc bytea NOT NULL,
  phone_enc bytea,
  address_enc bytea NOT NULL,
  -- 'shanghai' or 'other'; from the household register, or from the card address for people
  -- who first appear at a kiosk.
  hukou_region text NOT NULL CHECK (hukou_region IN ('shanghai', 'other')),
  holds_senior_card boolean NOT NULL DEFAULT false,
  allowance_channel text CHECK (allowance_channel IN ('senior-card', 'social-security-card')),
  care_level integer CHECK (care_level BETWEEN 1 AND 6),
  financial_hardship boolean NOT NULL DEFAULT false,
  meal_assistance_approved boolean NOT NULL DEFAULT false,
  -- Set for the fictional demo people only; seeding upserts by it.
  demo_key text UNIQUE,
  -- 'registry' (household register / demo seed) or 'kiosk' (first seen on an ID card).
  source text NOT NULL CHECK (source IN ('registry', 'kiosk')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Only the SHA-256 of a token is kept. A person in the registry is referenced; a person known
-- only from the card keeps the encrypted card until the token expires.
CREATE TABLE identify_tokens (
  token_hash bytea PRIMARY KEY,
  resident_id integer REFERENCES residents (id) ON DELETE CASCADE,
  card_enc bytea,
  kiosk_id text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (resident_id IS NOT NULL OR card_enc IS NOT NULL)
);
CREATE INDEX identify_tokens_expires_at ON identify_tokens (expires_at);

-- One row per Shanghai day; incremented inside the application's transaction, so a rolled-back
-- application gives its number back and numbers have no gaps.
CREATE TABLE application_counters (
  day text PRIMARY KEY,
  last_value integer NOT NULL
);

CREATE TABLE applications (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_no text NOT NULL UNIQUE,
  service_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'completed')),
  resident_id integer NOT NULL REFERENCES residents (id),
  -- The applicant as submitted (a resident's ID number may be corrected later; the record is not).
  applicant_id_number_enc bytea NOT NULL,
  applicant_name_enc bytea NOT NULL,
  -- Answers without personal data ({ channel, previousChannel } or { delivery }).
  answers jsonb NOT NULL,
  phone_enc bytea,
  mailing_address_enc bytea,
  catalogue_version text NOT NULL,
  kiosk_id text,
  submitted_at timestamptz NOT NULL
);
CREATE INDEX applications_resident ON applications (resident_id, service_key, status);

-- 分别办理: one part per handling department.
CREATE TABLE application_parts (
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  part_no integer NOT NULL,
  service_key text NOT NULL,
  department text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'completed')),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (application_id, part_no)
);

-- Idempotency-Key → the application it created and the SHA-256 of the canonical request body.
CREATE TABLE idempotency_keys (
  idempotency_key text PRIMARY KEY,
  request_hash bytea NOT NULL,
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
