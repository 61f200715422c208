-- Indexes for what the desk asks of the request table, so that each page reads about as many
-- rows at a million requests as at ten thousand (README, "Performance"). The open states are
-- those of the desk's queue (DeskQueries.QUEUE); the queue sorts by due date, then filing time,
-- then id, and so do these indexes, so a page is the first rows of a range.

-- Name search by part of a name (LIKE '%...%'): trigram indexes. pg_trgm ships with PostgreSQL
-- (contrib) and is a trusted extension: the owner of the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The queue without a status filter: all open requests by due date, or those due in a range.
CREATE INDEX request_queue_idx ON request (due_date, filed_at, id)
  WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW', 'APPROVED',
                   'IN_PREPARATION', 'READY');

-- "Mine": the open requests a member handles, in queue order. Replaces the index over every
-- request ever assigned, which at a million requests holds mostly closed ones.
CREATE INDEX request_queue_assigned_idx ON request (assigned_to, due_date, filed_at, id)
  WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW', 'APPROVED',
                   'IN_PREPARATION', 'READY');
DROP INDEX request_assigned_to_idx;

-- One type among the open requests, in queue order (and counted from the index alone).
CREATE INDEX request_queue_type_idx ON request (request_type, due_date, filed_at, id)
  WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW', 'APPROVED',
                   'IN_PREPARATION', 'READY');

-- "Unassigned": the open requests nobody handles, in queue order.
CREATE INDEX request_queue_unassigned_idx ON request (due_date, filed_at, id)
  WHERE assigned_to IS NULL
    AND status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW', 'APPROVED',
                   'IN_PREPARATION', 'READY');

-- One status, open or closed (status=DELIVERED holds most of the table), in queue order; also
-- the dashboard's count per open status. Replaces (status, due_date).
DROP INDEX request_status_due_date_idx;
CREATE INDEX request_status_due_date_idx ON request (status, due_date, filed_at, id);

-- Part of a patient's name among the open requests, and among all (with a status filter).
CREATE INDEX request_queue_patient_name_trgm_idx ON request USING gin (lower(patient_name) gin_trgm_ops)
  WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW', 'APPROVED',
                   'IN_PREPARATION', 'READY');
CREATE INDEX request_patient_name_trgm_idx ON request USING gin (lower(patient_name) gin_trgm_ops);

-- The dashboard's weeks: filed and closed since a day.
CREATE INDEX request_filed_at_idx ON request (filed_at);
CREATE INDEX request_closed_at_idx ON request (closed_at) WHERE closed_at IS NOT NULL;

-- The request page's history, in order (the unique (request_id, position) serves it already);
-- the documents' stored files (for the scan status) by their primary key. The audit trail
-- per request is served by audit_record_request_idx (V5).
