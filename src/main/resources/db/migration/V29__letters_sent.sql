-- Each letter as it was sent to the requester: its text (XHTML, laid out as the PDF the mail
-- carried) written when the mail was queued, in the transaction of the change, with the date it
-- bears. The desk downloads exactly this, also after a later decision superseded it.
CREATE TABLE sent_letter
(
  id         UUID                     NOT NULL PRIMARY KEY,
  request_id UUID                     NOT NULL REFERENCES request (id) ON DELETE CASCADE,
  kind       TEXT                     NOT NULL,
  sent_on    DATE                     NOT NULL,
  sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  file_name  TEXT                     NOT NULL,
  xhtml      TEXT                     NOT NULL
);

CREATE INDEX sent_letter_request_idx ON sent_letter (request_id, sent_at);
