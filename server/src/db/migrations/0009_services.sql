-- Issue 5: every service, the joint application, 代办, department handling.

-- The application as a whole: completed once every part is final.
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN ('submitted', 'in-progress', 'completed'));

-- 代办: the person who applied for the senior (their card was read first), encrypted like the
-- applicant; relationship and the moment the senior consented.
ALTER TABLE applications ADD COLUMN proxy_resident_id integer REFERENCES residents (id);
ALTER TABLE applications ADD COLUMN proxy_id_number_enc bytea;
ALTER TABLE applications ADD COLUMN proxy_name_enc bytea;
ALTER TABLE applications ADD COLUMN proxy_relationship text
  CHECK (proxy_relationship IN ('spouse', 'child', 'relative', 'eldercare-adviser', 'committee-worker'));
ALTER TABLE applications ADD COLUMN proxy_consented_at timestamptz;
ALTER TABLE applications ADD CONSTRAINT applications_proxy_complete CHECK (
  (proxy_relationship IS NULL AND proxy_id_number_enc IS NULL AND proxy_name_enc IS NULL AND proxy_consented_at IS NULL)
  OR (proxy_relationship IS NOT NULL AND proxy_id_number_enc IS NOT NULL AND proxy_name_enc IS NOT NULL AND proxy_consented_at IS NOT NULL)
);
-- Personal answers of the new services (bank card, new address), encrypted as one JSON document.
ALTER TABLE applications ADD COLUMN private_answers_enc bytea;
-- What the service produced, nothing personal: voucher number, subsidy category, taxi booking.
ALTER TABLE applications ADD COLUMN result jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Parts: the statuses of part-status.ts, the kind that decides which moves are allowed, and the
-- facts officers record along the way.
ALTER TABLE application_parts DROP CONSTRAINT application_parts_status_check;
ALTER TABLE application_parts ADD CONSTRAINT application_parts_status_check CHECK (status IN (
  'submitted', 'waiting-for-assessment', 'accepted', 'more-info-requested', 'visit-scheduled', 'assessed',
  'public-notice', 'report-delivered', 'approved', 'rejected', 'completed'));
ALTER TABLE application_parts ADD COLUMN kind text NOT NULL DEFAULT 'review'
  CHECK (kind IN ('assessment', 'review', 'home-visit', 'instant'));
UPDATE application_parts SET kind = 'instant' WHERE status = 'completed';
ALTER TABLE application_parts ADD COLUMN handled_externally boolean NOT NULL DEFAULT false;
ALTER TABLE application_parts ADD COLUMN visit_date date;
ALTER TABLE application_parts ADD COLUMN care_level integer CHECK (care_level BETWEEN 0 AND 6);
ALTER TABLE application_parts ADD COLUMN notice_ends_on date;
CREATE INDEX application_parts_worklist ON application_parts (department, status, updated_at);

-- Status history of every part: who moved it, when, from what to what, and a note without
-- personal data. actor: a staff username, 'system', or 'external:<department>'.
CREATE TABLE application_part_events (
  id bigserial PRIMARY KEY,
  application_id integer NOT NULL,
  part_no integer NOT NULL,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  FOREIGN KEY (application_id, part_no) REFERENCES application_parts (application_id, part_no) ON DELETE CASCADE
);
CREATE INDEX application_part_events_part ON application_part_events (application_id, part_no, id);

-- Registry facts the new rules need: when the current assessment conclusion ends (期末评估)
-- and the medical insurance the LTC assessment is paid from.
ALTER TABLE residents ADD COLUMN assessment_valid_until date;
ALTER TABLE residents ADD COLUMN medical_insurance text CHECK (medical_insurance IN ('employee', 'resident'));

-- Officers belong to a department and see its worklist.
ALTER TABLE staff_users ADD COLUMN department text;
