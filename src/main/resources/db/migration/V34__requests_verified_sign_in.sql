-- A requester who signed in with DigiD at the required level (issue 17): their ID is
-- satisfied by the sign-in (request_item.satisfied_by 'SIGN_IN:<level>'), recorded with its
-- level and time. Of the BSN only what the portal uses: a keyed hash (HMAC-SHA256, key
-- derived from recordsdesk.accounts.totp-key) to find a signed-in requester's own requests,
-- and, for a request about the requester themself, the BSN encrypted with AES-GCM (the same
-- key) for the desk to find the patient. No token, no other claim.
ALTER TABLE request
  ADD COLUMN sign_in_level      TEXT,
  ADD COLUMN sign_in_at         TIMESTAMP WITH TIME ZONE,
  ADD COLUMN requester_bsn_key  TEXT,
  ADD COLUMN patient_bsn_sealed TEXT,
  ADD CONSTRAINT request_sign_in_whole CHECK (
    (sign_in_level IS NULL AND sign_in_at IS NULL AND requester_bsn_key IS NULL AND patient_bsn_sealed IS NULL)
    OR (sign_in_level IS NOT NULL AND sign_in_at IS NOT NULL AND requester_bsn_key IS NOT NULL));

CREATE INDEX request_requester_bsn_key_idx ON request (requester_bsn_key) WHERE requester_bsn_key IS NOT NULL;
