-- Files sent with a queued message (the letters' PDFs). Stored in the transaction that queues
-- the message, as rendered then, so the mail sends what the change it reports looked like.
CREATE TABLE mail_attachment
(
  mail_id      UUID  NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
  position     INT   NOT NULL,
  file_name    TEXT  NOT NULL,
  content_type TEXT  NOT NULL,
  content      BYTEA NOT NULL,
  PRIMARY KEY (mail_id, position)
);
