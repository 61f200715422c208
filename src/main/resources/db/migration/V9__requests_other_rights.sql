-- The rights beside a copy (docs/request-types.md): what the requester wrote for an
-- addition, a correction or an explanation, the appointment for an explanation, and how
-- the desk reports a request carried out (COMPLETED) rather than handed over.
ALTER TABLE request
  ADD COLUMN statement           TEXT,
  ADD COLUMN correction_current  TEXT,
  ADD COLUMN correction_proposed TEXT,
  ADD COLUMN explanation_topic   TEXT,
  ADD COLUMN appointment_at      TIMESTAMP WITH TIME ZONE,
  ADD COLUMN appointment_place   TEXT,
  ADD COLUMN completion_note     TEXT;
