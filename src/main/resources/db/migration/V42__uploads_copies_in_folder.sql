-- A copy too large for the database (an imaging copy's ZIP, which may be gigabytes) is kept as
-- a file in recordsdesk.uploads.copies-folder, a volume every instance mounts at the same path;
-- its row holds the file's path and no content.
ALTER TABLE stored_file
  ADD COLUMN location TEXT;

ALTER TABLE stored_file
  DROP CONSTRAINT stored_file_content_type_check;

ALTER TABLE stored_file
  ADD CONSTRAINT stored_file_content_type_check
    CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'application/zip'));

ALTER TABLE stored_file
  ADD CONSTRAINT stored_file_location_check
    CHECK ((location IS NULL AND content_type <> 'application/zip')
      OR (location IS NOT NULL AND content_type = 'application/zip' AND octet_length(content) = 0));
