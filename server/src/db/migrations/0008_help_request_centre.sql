-- Help requests become a loop staff close: the kiosk says which centre it stands in, so that
-- centre's windows see the request (null: the kiosk did not say, every centre sees it), and a
-- clerk marks it 已处理 (resolved_at with resolved_by, the staff username). A centre removed
-- later leaves its requests visible to everyone rather than lost.
ALTER TABLE help_requests ADD COLUMN centre_id text REFERENCES centres (id) ON DELETE SET NULL;
ALTER TABLE help_requests ADD COLUMN resolved_by text;
ALTER TABLE help_requests ADD CONSTRAINT help_requests_resolved_by_when
  CHECK (resolved_by IS NULL OR resolved_at IS NOT NULL);
-- A kiosk's open request per reason is looked up on every call.
CREATE INDEX help_requests_open_by_kiosk ON help_requests (kiosk_id, reason) WHERE resolved_at IS NULL;
