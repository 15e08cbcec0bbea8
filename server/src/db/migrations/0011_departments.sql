-- 分别办理: an officer reading a part's person data (the application's masked view) is audited
-- like a window reading a ticket holder: who, when, why (the reason they give), which part.
ALTER TABLE staff_audit DROP CONSTRAINT staff_audit_event_check;
ALTER TABLE staff_audit ADD CONSTRAINT staff_audit_event_check
  CHECK (event IN ('login_ok', 'login_failed', 'login_throttled', 'logout', 'holder_read', 'person_read'));
ALTER TABLE staff_audit ADD COLUMN application_id integer; -- no foreign key: the audit outlives the application row
ALTER TABLE staff_audit ADD COLUMN part_no integer;
CREATE INDEX staff_audit_application ON staff_audit (application_id) WHERE application_id IS NOT NULL;

-- A delivered assessment report writes its care level to the resident; level 0 (正常, no care
-- needed) is a conclusion too, unlike NULL (never assessed).
ALTER TABLE residents DROP CONSTRAINT residents_care_level_check;
ALTER TABLE residents ADD CONSTRAINT residents_care_level_check CHECK (care_level BETWEEN 0 AND 6);
