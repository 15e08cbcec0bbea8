-- Staff accounts for /window, /admin and /tech. Passwords are scrypt hashes with their parameters
-- ("scrypt$N$r$p$salt$key", see server/src/staff/password-hash.ts), so the cost can be raised
-- later without a migration. Officers work across centres: their centre_id is NULL.
CREATE TABLE staff_users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('staff', 'supervisor', 'technician', 'officer')),
  centre_id text,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Only a SHA-256 of the browser's token is stored: a copy of this table opens no session.
CREATE TABLE staff_sessions (
  token_hash bytea PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

-- Every login (ok, failed, throttled) and logout. Never a password. The failures here are also
-- what login throttling counts, so it holds across server instances.
CREATE TABLE staff_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  event text NOT NULL CHECK (event IN ('login_ok', 'login_failed', 'login_throttled', 'logout')),
  username text NOT NULL,
  user_id bigint REFERENCES staff_users (id) ON DELETE SET NULL,
  ip text
);
CREATE INDEX staff_audit_username_at ON staff_audit (username, at);
CREATE INDEX staff_audit_ip_at ON staff_audit (ip, at);
