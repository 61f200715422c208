-- The NEN 7513 audit trail: who read or changed what, when, in which role, from which address.
-- One row per staff read of personal data, per change, per sign-in and sign-out, per refusal.
-- Rows are written once and never changed or removed by the application.
--
-- No foreign key to request: an audit record must outlive the request it is about, and must
-- never stop a request from being removed. The request's reference identifies the patient's
-- record; no patient name or other personal data of the patient is kept here.
CREATE TABLE audit_record
(
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  -- The signed-in user's name; ANONYMOUS for a web request without one, SYSTEM outside any
  -- web request (scheduled jobs).
  user_name         TEXT                     NOT NULL,
  -- The user's roles at that moment (DESK, PHYSICIAN, ...), comma-separated; empty when none.
  roles             TEXT                     NOT NULL,
  -- An AuditAction name. No CHECK on the list: new actions come with new features, and an
  -- old record keeps the name it was written with.
  action            TEXT                     NOT NULL,
  outcome           TEXT                     NOT NULL,
  request_reference TEXT,
  -- What within the request was acted on, e.g. a document's id.
  subject           TEXT,
  -- A short remark without personal data of the patient, e.g. the path of a refused request.
  detail            TEXT,
  -- The client's address as the portal saw it; none outside a web request.
  client_address    TEXT,
  CONSTRAINT audit_record_outcome_check CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILURE'))
);

-- The auditor's search: by request, by user (typed in any case), by period; always newest first.
CREATE INDEX audit_record_request_idx ON audit_record (request_reference, occurred_at DESC, id DESC)
  WHERE request_reference IS NOT NULL;
CREATE INDEX audit_record_user_idx ON audit_record (lower(user_name), occurred_at DESC, id DESC);
CREATE INDEX audit_record_occurred_at_idx ON audit_record (occurred_at DESC, id DESC);

-- Append-only, enforced by the database itself. A trigger rather than REVOKE alone: in
-- development and in the tests the portal connects as the role that ran this migration, which
-- owns the table (embedded: the superuser postgres). A superuser is never checked against
-- grants, and an owner can grant itself back whatever was revoked. Triggers fire for every
-- role, superusers included, so this one stops whatever does not first disable or drop it: a
-- bug, an injected statement, a hurried hand at the psql prompt. In production, run the portal
-- as a role that does not own the table and holds only SELECT and INSERT on it (README, "The
-- audit trail is append-only"); that role cannot disable or drop the trigger either.
CREATE FUNCTION audit_record_refuse_change() RETURNS TRIGGER
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_record is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit records can be added and read, never changed or removed.';
END;
$$;

CREATE TRIGGER audit_record_no_update_or_delete
  BEFORE UPDATE OR DELETE
  ON audit_record
  FOR EACH ROW
EXECUTE FUNCTION audit_record_refuse_change();

-- TRUNCATE fires no row triggers, so it needs a statement trigger of its own.
CREATE TRIGGER audit_record_no_truncate
  BEFORE TRUNCATE
  ON audit_record
  FOR EACH STATEMENT
EXECUTE FUNCTION audit_record_refuse_change();
