-- The auditor searches by patient: records about a patient's contact messages name the
-- message by its id in subject, so subject needs an index like request_reference has.
CREATE INDEX audit_record_subject_idx ON audit_record (subject, occurred_at DESC, id DESC)
  WHERE subject IS NOT NULL;
