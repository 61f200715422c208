-- The one-time code a requester enters before the prepared copy is sent (issue 17): one
-- code per request, the latest replacing the one before. Only a hash is kept, of the code
-- together with the status link it was asked through (the link itself is not stored), so a
-- copy of the database guesses no code, and a code stops working with its link.
CREATE TABLE request_download_code
(
  request_id UUID                     NOT NULL PRIMARY KEY REFERENCES request (id) ON DELETE CASCADE,
  code_hash  TEXT                     NOT NULL,
  sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts   INTEGER                  NOT NULL DEFAULT 0 CHECK (attempts >= 0)
);
