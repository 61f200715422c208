-- An attachment can be queued before it is made (a letter's PDF): what it will show is captured in
-- the transaction that queues the message (its maker and recipe, the letter as XHTML), and the
-- content is made after the commit by the outbox sender, with no transaction held, before the
-- message is sent. A message is not sent while one of its attachments has no content.
ALTER TABLE mail_attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE mail_attachment ADD COLUMN maker TEXT;
ALTER TABLE mail_attachment ADD COLUMN recipe TEXT;
-- The instance making the content claims it until then; a claim of an instance that died runs out.
ALTER TABLE mail_attachment ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_attachment ADD CONSTRAINT mail_attachment_made_or_makeable
  CHECK (content IS NOT NULL OR (maker IS NOT NULL AND recipe IS NOT NULL));

-- The sender's search for attachments still to be made, and its check before sending a message.
CREATE INDEX mail_attachment_unmade_idx ON mail_attachment (mail_id) WHERE content IS NULL;

-- The instance sending a message claims it until then, and sends it with no transaction open (an
-- SMTP server may take its time-outs to answer); a claim of an instance that died runs out, and the
-- message is sent again.
ALTER TABLE mail_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
