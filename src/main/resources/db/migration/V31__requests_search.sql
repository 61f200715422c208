-- The desk's one search box (README, "Finding a request"): part of a reference, of the
-- patient's or the requester's name (without regard to accents or case), of the requester's
-- e-mail address, or a birth date; and the related requests of one patient.

-- unaccent ships with PostgreSQL (contrib: Debian's postgresql package, the embedded
-- PostgreSQL of the tests and dev) and is a trusted extension: the owner of the database
-- may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (its dictionary could change), so it cannot be indexed as it is. This
-- wrapper names the dictionary and is IMMUTABLE; its body is parsed now (RETURN form), so the
-- search path at the time of a query or an index rebuild does not matter. "Vulpatiënt" and
-- "VULPATIENT" both fold to "vulpatient".
CREATE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(unaccent('unaccent'::regdictionary, $1));

-- What the search box looks through, folded, in one text: reference, patient's name,
-- requester's name and e-mail, separated by a control character nobody can type (the form
-- takes plain text only), so a part typed never spans two of them.
CREATE FUNCTION request_search_text(reference text, patient_name text, requester_name text,
                                    requester_email text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN search_fold(reference || E'\x1f' || patient_name || E'\x1f' || requester_name || E'\x1f'
                     || requester_email);

-- Part of that text: among the open requests (the queue's own search reads only those), and
-- among all (with a closed status chosen, or "all"). They replace V17's name-only indexes.
DROP INDEX request_queue_patient_name_trgm_idx;
DROP INDEX request_patient_name_trgm_idx;
CREATE INDEX request_open_search_trgm_idx ON request
  USING gin (request_search_text(reference, patient_name, requester_name, requester_email) gin_trgm_ops)
  WHERE status IN ('AWAITING_SIGNATURES', 'SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW',
                   'APPROVED', 'IN_PREPARATION', 'READY');
CREATE INDEX request_search_trgm_idx ON request
  USING gin (request_search_text(reference, patient_name, requester_name, requester_email) gin_trgm_ops);

-- A birth date typed in the search box, among the open requests and among all; the open one
-- also finds a patient's other open requests of a type (related requests).
CREATE INDEX request_open_patient_idx ON request (patient_birth_date, request_type, search_fold(patient_name))
  WHERE status IN ('AWAITING_SIGNATURES', 'SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW',
                   'APPROVED', 'IN_PREPARATION', 'READY');
CREATE INDEX request_patient_birth_date_idx ON request (patient_birth_date);
