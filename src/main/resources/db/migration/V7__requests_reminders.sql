-- Requests waiting for co-signatures or for the requester are reminded after 7 and 21 days
-- and expire after 30 (workflow.md). The count keeps a reminder from going out twice, also
-- when several instances run the daily check.
ALTER TABLE request ADD COLUMN reminders_sent INTEGER NOT NULL DEFAULT 0;

CREATE INDEX request_waiting_idx ON request (status)
  WHERE status IN ('AWAITING_SIGNATURES', 'AWAITING_REQUESTER');
