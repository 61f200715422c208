-- The back office's half of the request: who handles it, what they verified, asked,
-- decided and prepared. Staff are named by their username (the audit trail and the
-- accounts module resolve it to a person).

ALTER TABLE request
  ADD COLUMN assigned_to          TEXT,
  ADD COLUMN identity_verified_at TIMESTAMP WITH TIME ZONE,
  ADD COLUMN identity_verified_by TEXT,
  ADD COLUMN original_due_date    DATE,
  ADD COLUMN extension_reason     TEXT,
  ADD COLUMN rejection_reason     TEXT,
  ADD COLUMN prepared_parts       TEXT,
  ADD COLUMN id_checked_at_pickup BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN fee_paid             BOOLEAN NOT NULL DEFAULT FALSE;

-- "Assigned to me" in the queue.
CREATE INDEX request_assigned_to_idx ON request (assigned_to) WHERE assigned_to IS NOT NULL;

-- Questions from the desk to the requester, answered on the status page.
CREATE TABLE request_question
(
  id             UUID                     NOT NULL PRIMARY KEY,
  request_id     UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  asked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  asked_by       TEXT                     NOT NULL,
  question       TEXT                     NOT NULL,
  requested_item TEXT,
  answered_at    TIMESTAMP WITH TIME ZONE,
  answer         TEXT
);
CREATE INDEX request_question_request_idx ON request_question (request_id);

-- A physician's decision on a deceased patient's request. Never changed: a later decision
-- supersedes an earlier one and both stay.
CREATE TABLE review_decision
(
  id          UUID                     NOT NULL PRIMARY KEY,
  request_id  UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by  TEXT                     NOT NULL,
  granted     BOOLEAN                  NOT NULL,
  legal_ground TEXT                    NOT NULL,
  scope       TEXT                     NOT NULL,
  scope_parts TEXT,
  weighing    TEXT                     NOT NULL,
  capacity    TEXT                     NOT NULL
);
CREATE INDEX review_decision_request_idx ON review_decision (request_id);

CREATE OR REPLACE FUNCTION review_decision_is_final() RETURNS trigger AS
$$
BEGIN
  RAISE EXCEPTION 'review decisions are never changed; record a new decision instead';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER review_decision_no_update
  BEFORE UPDATE ON review_decision
  FOR EACH ROW EXECUTE FUNCTION review_decision_is_final();

-- Internal notes of the desk, never shown to the requester.
CREATE TABLE request_note
(
  id         UUID                     NOT NULL PRIMARY KEY,
  request_id UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  written_by TEXT                     NOT NULL,
  text       TEXT                     NOT NULL
);
CREATE INDEX request_note_request_idx ON request_note (request_id);
