#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the desk's queries, as RequestQueue and Requests send them
# (README, "Performance"), on a filled database:
#   docs/explain-desk.sh postgresql://user@127.0.0.1:5432/database
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 postgresql://user@host:port/database" >&2; exit 2; }
P="psql -X -q $1"
OPEN="'APPROVED', 'AWAITING_REQUESTER', 'IN_PREPARATION', 'IN_REVIEW', 'PHYSICIAN_REVIEW', 'READY', 'SUBMITTED'"
REF=$($P -At -c "select reference from request where status = 'IN_REVIEW' order by filed_at desc limit 1 offset 100")
RID=$($P -At -c "select id from request where reference = '$REF'")
# Part of the name of an open request, as a clerk would type it; its birth date; part of its
# requester's e-mail address; the digits of its reference.
NAME=$($P -At -c "select substr(lower(patient_name), 3, 6) from request where status = 'IN_REVIEW' order by filed_at limit 1")
BORN=$($P -At -c "select patient_birth_date from request where reference = '$REF'")
EMAIL=$($P -At -c "select split_part(requester_email, '@', 1) from request where reference = '$REF'")
DIGITS=${REF##*-}
# The search box as RequestQueue sends it (V31): folded text, and a birth date when one is typed.
TEXT="request_search_text(r.reference, r.patient_name, r.requester_name, r.requester_email) like search_fold"
ME=$($P -At -c "select assigned_to from request where status = 'IN_REVIEW' and assigned_to is not null limit 1")
COLS="r.reference, r.status, r.request_type, r.outcome, r.due_date, r.patient_name, r.assigned_to, r.filed_at, r.departments"
ORDER="order by r.due_date asc nulls last, r.filed_at asc, r.id asc"
# A page as RequestQueue reads it: the lines from the index, then only those rows.
page() { echo "select $COLS from (select r.id, r.due_date, r.filed_at from request r where $1 $ORDER limit 26 offset $2) shown join request r on r.id = shown.id order by shown.due_date asc nulls last, shown.filed_at asc, shown.id asc"; }
ex() { echo "### $1"; $P -c "explain (analyze, buffers, costs off, timing on, summary on) $2"; }
ex "queue: all open, first page" "$(page "r.status in ($OPEN)" 0)"
ex "queue: capped count, all open" "select count(*) from (select 1 from request r where r.status in ($OPEN) limit 1001) capped"
ex "queue: deep page (40th)" "$(page "r.status in ($OPEN)" 975)"
ex "queue: type=IMAGING_COPY" "$(page "r.status in ($OPEN) and r.request_type = 'IMAGING_COPY'" 0)"
ex "queue: capped count, type=IMAGING_COPY" "select count(*) from (select 1 from request r where r.status in ($OPEN) and r.request_type = 'IMAGING_COPY' limit 1001) capped"
ex "queue: mine" "$(page "r.status in ($OPEN) and r.assigned_to = '$ME'" 0)"
ex "queue: unassigned" "$(page "r.status in ($OPEN) and r.assigned_to is null" 0)"
ex "queue: overdue" "$(page "r.status in ($OPEN) and r.due_date <= current_date - 1" 0)"
ex "queue: due soon" "$(page "r.status in ($OPEN) and r.due_date >= current_date and r.due_date <= current_date + 7" 0)"
ex "queue: status=DELIVERED" "$(page "r.status = 'DELIVERED'" 0)"
ex "queue: capped count, status=DELIVERED" "select count(*) from (select 1 from request r where r.status = 'DELIVERED' limit 1001) capped"
ex "queue: search by reference" "$(page "r.status in ($OPEN) and r.reference = '$REF'" 0)"
ex "queue: search by part of a name" "$(page "r.status in ($OPEN) and $TEXT('%$NAME%')" 0)"
ex "queue: search by part of a name, status=DELIVERED" "$(page "r.status = 'DELIVERED' and $TEXT('%$NAME%')" 0)"
ex "queue: search by part of a name, every status" "$(page "$TEXT('%$NAME%')" 0)"
ex "queue: search by part of a reference" "$(page "r.status in ($OPEN) and $TEXT('%$DIGITS%')" 0)"
ex "queue: search by part of an e-mail address, every status" "$(page "$TEXT('%$EMAIL%')" 0)"
ex "queue: search by birth date" "$(page "r.status in ($OPEN) and ($TEXT('%$BORN%') or r.patient_birth_date = '$BORN')" 0)"
ex "queue: search by birth date, every status" "$(page "($TEXT('%$BORN%') or r.patient_birth_date = '$BORN')" 0)"
ex "request page: related requests" "select o.reference, o.status, o.filed_at from request r join request o on o.patient_birth_date = r.patient_birth_date and o.request_type = r.request_type and search_fold(o.patient_name) = search_fold(r.patient_name) and o.status in ($OPEN, 'AWAITING_SIGNATURES') and o.id <> r.id where r.reference = '$REF' order by o.filed_at, o.id"
ex "dashboard: open per status" "select status, count(*) from request where status in ($OPEN, 'AWAITING_SIGNATURES') group by status"
ex "dashboard: overdue" "select count(*) from request where status in ($OPEN) and due_date < current_date"
ex "dashboard: the weeks shown" "select submitted_at, closed_at, status from request where filed_at >= date_trunc('week', now()) - interval '7 weeks' or closed_at >= date_trunc('week', now()) - interval '7 weeks'"
ex "dashboard: the months that are over, as kept" "select month, received, answered, on_time from request_month_figures where month >= (date_trunc('month', now()) - interval '5 months')::date and month < date_trunc('month', now())::date"
ex "dashboard: this month, received" "select to_char(r.filed_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, count(*) from request r where r.filed_at >= date_trunc('month', now()) group by 1"
ex "dashboard: this month, answered and on time" "select to_char(r.closed_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month, count(*), count(*) filter (where cast(r.closed_at at time zone 'Europe/Amsterdam' as date) <= r.due_date) from request r where r.closed_at >= date_trunc('month', now()) and r.status in ('COMPLETED', 'DELIVERED', 'REJECTED') and r.due_date is not null group by 1"
ex "request page: the request" "select * from request r where r.reference = '$REF'"
ex "request page: its history" "select * from request_event e where e.request_id = '$RID' order by e.position"
ex "request page: the withheld files of its documents" "select f.id from stored_file f where f.id in (select d.file_id from request_document d where d.request_id = '$RID') and f.scan_status in ('PENDING', 'INFECTED')"
ex "request page: its documents" "select * from request_document d where d.request_id = '$RID' order by d.uploaded_at"
ex "audit trail of the request (auditor's search)" "select * from audit_record a where a.request_reference = '$REF' order by a.occurred_at desc, a.id desc limit 51"
