-- Recording a consultation (the second source document): announcements by patients, requests
-- for the physician's consent to publish, and physicians' requests for a patient's consent to
-- record. Personal links are stored as SHA-256 hashes only. Staff are named by username, with
-- the display name as it was when they acted.

-- One numbering for all three: OP-2026-000001.
CREATE SEQUENCE recording_number_seq;

CREATE TABLE recording_announcement
(
  id                   UUID                     NOT NULL PRIMARY KEY,
  version              BIGINT                   NOT NULL,
  reference            TEXT                     NOT NULL UNIQUE,
  status_token_hash    TEXT                     NOT NULL UNIQUE,
  language             TEXT                     NOT NULL,
  announced_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  announcer            TEXT                     NOT NULL CHECK (announcer IN ('PATIENT', 'PARENT')),
  patient_name         TEXT                     NOT NULL,
  email                TEXT                     NOT NULL,
  department           TEXT                     NOT NULL,
  consultation_date    DATE                     NOT NULL,
  physician_name       TEXT,
  kind                 TEXT                     NOT NULL CHECK (kind IN ('AUDIO', 'PHOTO', 'VIDEO')),
  purpose              TEXT,
  acknowledged_at      TIMESTAMP WITH TIME ZONE,
  acknowledged_by      TEXT,
  acknowledged_by_name TEXT,
  acknowledgement_note TEXT
);
-- The physician's inbox: the announcements of their departments.
CREATE INDEX recording_announcement_department_idx
  ON recording_announcement (lower(department), consultation_date DESC);

-- The physician's decision on a request to publish: written once, never changed.
CREATE TABLE recording_publication_decision
(
  id              UUID                     NOT NULL PRIMARY KEY,
  decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by      TEXT                     NOT NULL,
  decided_by_name TEXT                     NOT NULL,
  granted         BOOLEAN                  NOT NULL,
  note            TEXT
);

CREATE TABLE recording_publication
(
  id                UUID                     NOT NULL PRIMARY KEY,
  version           BIGINT                   NOT NULL,
  reference         TEXT                     NOT NULL UNIQUE,
  status_token_hash TEXT                     NOT NULL UNIQUE,
  language          TEXT                     NOT NULL,
  requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  patient_name      TEXT                     NOT NULL,
  email             TEXT                     NOT NULL,
  department        TEXT                     NOT NULL,
  physician_name    TEXT,
  recording_date    DATE                     NOT NULL,
  kind              TEXT                     NOT NULL CHECK (kind IN ('AUDIO', 'PHOTO', 'VIDEO')),
  channel           TEXT                     NOT NULL,
  reason            TEXT                     NOT NULL,
  part              TEXT                     NOT NULL,
  withdrawn_at      TIMESTAMP WITH TIME ZONE,
  -- At most one decision per request, and none once withdrawn.
  decision_id       UUID UNIQUE REFERENCES recording_publication_decision (id),
  CONSTRAINT recording_publication_decided_or_withdrawn CHECK (decision_id IS NULL OR withdrawn_at IS NULL)
);
CREATE INDEX recording_publication_department_idx
  ON recording_publication (lower(department), requested_at DESC);

CREATE TABLE recording_consent
(
  id                 UUID                     NOT NULL PRIMARY KEY,
  version            BIGINT                   NOT NULL,
  reference          TEXT                     NOT NULL UNIQUE,
  token_hash         TEXT                     NOT NULL UNIQUE,
  language           TEXT                     NOT NULL,
  asked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  physician_username TEXT                     NOT NULL,
  physician_name     TEXT                     NOT NULL,
  patient_name       TEXT                     NOT NULL,
  patient_email      TEXT                     NOT NULL,
  kind               TEXT                     NOT NULL CHECK (kind IN ('AUDIO', 'VIDEO')),
  purpose            TEXT                     NOT NULL CHECK (purpose IN ('RECORD', 'TEACHING', 'RESEARCH')),
  recording_date     DATE                     NOT NULL,
  explanation        TEXT,
  state              TEXT                     NOT NULL CHECK (state IN ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN'))
);
-- The physician's inbox: what they asked.
CREATE INDEX recording_consent_physician_idx ON recording_consent (physician_username, asked_at DESC);

-- Every step of a consent with its time, so that the consent can be shown later
-- (GDPR art. 7(1)). Append-only, like the audit trail.
CREATE TABLE recording_consent_step
(
  id          UUID                     NOT NULL PRIMARY KEY,
  consent_id  UUID                     NOT NULL REFERENCES recording_consent (id),
  position    INTEGER                  NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  type        TEXT                     NOT NULL CHECK (type IN ('ASKED', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
  UNIQUE (consent_id, position)
);

CREATE OR REPLACE FUNCTION recording_record_is_final() RETURNS trigger AS
$$
BEGIN
  RAISE EXCEPTION '% is never changed or removed; add a new row instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER recording_publication_decision_final
  BEFORE UPDATE OR DELETE ON recording_publication_decision
  FOR EACH ROW EXECUTE FUNCTION recording_record_is_final();

CREATE TRIGGER recording_consent_step_final
  BEFORE UPDATE OR DELETE ON recording_consent_step
  FOR EACH ROW EXECUTE FUNCTION recording_record_is_final();
