-- The request aggregate: a requester's application for a copy, with its facts, the rules'
-- decision, what it must carry and what satisfied each item, documents, signatures,
-- co-signer invitations and its history.

-- Uploaded file contents, kept apart from their metadata so lists never load them. A file
-- belongs to a draft (HTTP session) until a request is filed; unreferenced files are purged.
CREATE TABLE stored_file
(
  id           UUID                     NOT NULL PRIMARY KEY,
  content      BYTEA                    NOT NULL,
  content_type TEXT                     NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size         BIGINT                   NOT NULL CHECK (size > 0),
  sha256       TEXT                     NOT NULL,
  scan_status  TEXT                     NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stored_file_created_at_idx ON stored_file (created_at);

CREATE SEQUENCE request_number_seq;

CREATE TABLE request
(
  id                       UUID                     NOT NULL PRIMARY KEY,
  version                  BIGINT                   NOT NULL,
  reference                TEXT                     NOT NULL UNIQUE,
  submission_key           UUID                     NOT NULL UNIQUE,
  status_token_hash        TEXT                     NOT NULL UNIQUE,
  status                   TEXT                     NOT NULL,
  request_type             TEXT                     NOT NULL,
  language                 TEXT                     NOT NULL,
  filed_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at             TIMESTAMP WITH TIME ZONE,
  due_date                 DATE,
  closed_at                TIMESTAMP WITH TIME ZONE,
  outcome                  TEXT                     NOT NULL,
  -- what: record copy
  record_scope             TEXT,
  departments              TEXT,
  period                   TEXT,
  document_kinds           TEXT,
  explanation_wanted       BOOLEAN                  NOT NULL,
  -- what: imaging copy
  studies_before_2005      BOOLEAN                  NOT NULL,
  -- the patient
  patient_name             TEXT                     NOT NULL,
  patient_birth_date       DATE                     NOT NULL,
  patient_number           TEXT,
  patient_deceased         BOOLEAN                  NOT NULL,
  patient_date_of_death    DATE,
  ivf_treatment            BOOLEAN                  NOT NULL,
  -- why a deceased patient's record is wanted, when written rather than uploaded
  motivation               TEXT,
  -- the requester
  requester_relation       TEXT                     NOT NULL,
  requester_authority      TEXT,
  requester_name           TEXT                     NOT NULL,
  requester_email          TEXT                     NOT NULL,
  requester_phone          TEXT                     NOT NULL,
  requester_street         TEXT                     NOT NULL,
  requester_postal_code    TEXT                     NOT NULL,
  requester_city           TEXT                     NOT NULL,
  -- delivery
  delivery                 TEXT                     NOT NULL
);
-- The desk's queue filters by status and type and sorts by due date.
CREATE INDEX request_status_due_date_idx ON request (status, due_date);
CREATE INDEX request_type_idx ON request (request_type);
CREATE INDEX request_patient_name_idx ON request (lower(patient_name));

CREATE TABLE request_study
(
  request_id       UUID    NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  kind             TEXT    NOT NULL,
  body_part        TEXT    NOT NULL,
  approximate_date TEXT,
  PRIMARY KEY (request_id, position)
);

CREATE TABLE request_reason
(
  request_id UUID    NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  code       TEXT    NOT NULL,
  PRIMARY KEY (request_id, position)
);

CREATE TABLE request_notice
(
  request_id UUID NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  code       TEXT NOT NULL,
  PRIMARY KEY (request_id, code)
);

CREATE TABLE request_document
(
  id           UUID                     NOT NULL PRIMARY KEY,
  request_id   UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  item_code    TEXT                     NOT NULL,
  file_id      UUID REFERENCES stored_file (id),
  file_name    TEXT                     NOT NULL,
  content_type TEXT                     NOT NULL,
  size         BIGINT                   NOT NULL,
  sha256       TEXT                     NOT NULL,
  uploaded_by  TEXT                     NOT NULL,
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  purged_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX request_document_request_idx ON request_document (request_id);
CREATE INDEX request_document_file_idx ON request_document (file_id);

CREATE TABLE request_signature
(
  id          UUID                     NOT NULL PRIMARY KEY,
  request_id  UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  signer_role TEXT                     NOT NULL,
  signer_name TEXT                     NOT NULL,
  method      TEXT                     NOT NULL CHECK (method IN ('DRAWN', 'TYPED')),
  image       BYTEA,
  signed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX request_signature_request_idx ON request_signature (request_id);

CREATE TABLE request_item
(
  request_id   UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  item_code    TEXT                     NOT NULL,
  satisfied_by TEXT,
  satisfied_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (request_id, item_code)
);

CREATE TABLE cosign_invitation
(
  id             UUID                     NOT NULL PRIMARY KEY,
  request_id     UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  item_code      TEXT                     NOT NULL,
  name           TEXT                     NOT NULL,
  email          TEXT                     NOT NULL,
  token_hash     TEXT                     NOT NULL UNIQUE,
  status         TEXT                     NOT NULL,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  responded_at   TIMESTAMP WITH TIME ZONE,
  decline_reason TEXT
);
CREATE INDEX cosign_invitation_request_idx ON cosign_invitation (request_id);

CREATE TABLE request_event
(
  id          UUID                     NOT NULL PRIMARY KEY,
  request_id  UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  position    INTEGER                  NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  type        TEXT                     NOT NULL,
  from_status TEXT,
  to_status   TEXT                     NOT NULL,
  actor       TEXT                     NOT NULL,
  detail      TEXT,
  UNIQUE (request_id, position)
);
