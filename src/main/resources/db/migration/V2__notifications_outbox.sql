-- The mail outbox: a message is stored in the transaction of the change that causes it and sent
-- after the commit by the scheduled sender, so none is lost while the mail server is down and none
-- goes out for a change that was rolled back.
CREATE TABLE mail_outbox
(
  id              UUID                     NOT NULL,
  recipient       TEXT                     NOT NULL,
  subject         TEXT                     NOT NULL,
  body_text       TEXT                     NOT NULL,
  body_html       TEXT                     NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts        INT                      NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at         TIMESTAMP WITH TIME ZONE,
  -- Exception type and a short message without addresses: never the recipient, subject or body.
  last_error      TEXT,
  status          TEXT                     NOT NULL DEFAULT 'PENDING',
  PRIMARY KEY (id),
  CONSTRAINT mail_outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  CONSTRAINT mail_outbox_attempts_check CHECK (attempts >= 0)
);

-- The sender's query: WHERE status = 'PENDING' AND next_attempt_at <= now ORDER BY next_attempt_at.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (status, next_attempt_at);
