-- Messages sent with the public contact form, and the desk's answer or reason for closing.
-- They hold personal data (name, e-mail address, whatever the sender wrote): answered and
-- closed messages are deleted after recordsdesk.contact.retention (ContactRetention).

CREATE TABLE contact_message
(
  id                UUID                     NOT NULL PRIMARY KEY,
  version           BIGINT                   NOT NULL,
  received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  sender_name       TEXT                     NOT NULL,
  sender_email      TEXT                     NOT NULL,
  sender_language   TEXT                     NOT NULL,
  topic             TEXT                     NOT NULL,
  request_reference TEXT,
  message           TEXT                     NOT NULL,
  status            TEXT                     NOT NULL,
  handled_at        TIMESTAMP WITH TIME ZONE,
  handled_by        TEXT,
  answer            TEXT,
  close_reason      TEXT,
  CONSTRAINT contact_message_status_check CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
  -- An open message has no outcome; an answered one its answer; a closed one its reason.
  CONSTRAINT contact_message_outcome_check CHECK (
    (status = 'OPEN' AND handled_at IS NULL AND handled_by IS NULL AND answer IS NULL AND close_reason IS NULL)
    OR (status = 'ANSWERED' AND handled_at IS NOT NULL AND handled_by IS NOT NULL AND answer IS NOT NULL
        AND close_reason IS NULL)
    OR (status = 'CLOSED' AND handled_at IS NOT NULL AND handled_by IS NOT NULL AND answer IS NULL
        AND close_reason IS NOT NULL))
);

-- The inbox lists by status and time received; the desk's navigation counts the open ones.
CREATE INDEX contact_message_inbox_idx ON contact_message (status, received_at);

-- The retention purge looks for handled messages by the time they were handled.
CREATE INDEX contact_message_handled_idx ON contact_message (handled_at) WHERE status <> 'OPEN';
