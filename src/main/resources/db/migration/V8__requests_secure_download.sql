-- A copy delivered by secure download: the prepared file, its name, and until when the
-- requester's status page offers it (workflow.md: 14 days by default).
ALTER TABLE request
  ADD COLUMN copy_file_id        UUID REFERENCES stored_file (id),
  ADD COLUMN copy_file_name      TEXT,
  ADD COLUMN download_expires_at TIMESTAMP WITH TIME ZONE;
