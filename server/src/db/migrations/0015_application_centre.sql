-- Every application knows the community service centre whose kiosk took it, so a centre's staff
-- and supervisors see their own applications, home visits and audit rows only. The kiosk says its
-- centre when it identifies a person (?centre=); the identify token keeps it, and the application
-- takes the centre of the senior's (the principal's) token. NULL: the kiosk named no centre, or
-- one the server does not know; such applications are visible to every centre (as help requests
-- without a centre are). A centre removed later leaves its rows visible to everyone, not lost.
ALTER TABLE identify_tokens ADD COLUMN centre_id text REFERENCES centres (id) ON DELETE SET NULL;
ALTER TABLE applications ADD COLUMN centre_id text REFERENCES centres (id) ON DELETE SET NULL;
CREATE INDEX applications_centre ON applications (centre_id, submitted_at);

-- The centre an audit row belongs to. No foreign key: the audit outlives the centre row.
ALTER TABLE staff_audit ADD COLUMN centre_id text;

-- Filled here, for every writer (logins, holder reads, person reads by staff and officers): the
-- centre of the staff member, else (officers work across centres) the centre of the application
-- or ticket read. NULL (an unknown username's failed login, an officer's login or read of an
-- application without a centre) is visible to every centre's supervisor.
CREATE FUNCTION staff_audit_centre() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.centre_id IS NULL THEN
    NEW.centre_id := COALESCE(
      (SELECT u.centre_id FROM staff_users u WHERE u.id = NEW.user_id),
      (SELECT a.centre_id FROM applications a WHERE a.id = NEW.application_id),
      (SELECT t.centre_id FROM tickets t WHERE t.id = NEW.ticket_id)
    );
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER staff_audit_centre BEFORE INSERT ON staff_audit FOR EACH ROW EXECUTE FUNCTION staff_audit_centre();

-- Rows written before this migration: the same rule (applications had no centre yet).
UPDATE staff_audit s SET centre_id = COALESCE(
  (SELECT u.centre_id FROM staff_users u WHERE u.id = s.user_id),
  (SELECT t.centre_id FROM tickets t WHERE t.id = s.ticket_id)
);
CREATE INDEX staff_audit_centre_at ON staff_audit (centre_id, at, id);
