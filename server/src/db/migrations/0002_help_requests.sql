-- 呼叫工作人员: a kiosk asks for staff. No personal data: which kiosk, which service, when.
CREATE TABLE help_requests (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kiosk_id text NOT NULL,
  service_key text,
  requested_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX help_requests_open ON help_requests (requested_at) WHERE resolved_at IS NULL;
