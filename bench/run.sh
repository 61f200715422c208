#!/usr/bin/env bash
# The benchmark: starts the built jar against a generated database and measures the desk's
# pages, the eligibility API and submissions with wrk, each beside its floor in the same run.
#   bench/run.sh --url jdbc:postgresql://127.0.0.1:55432/bench1m [--rounds 5] [--seconds 8] [--warmup 5] [--warmup-max 300]
#                [--connections 16] [--shared-session] [--requesters 200] [--user U --password P] [--serve FILE]
# --serve FILE: start and sign in as usual, write the pages to measure into FILE (sourced by
# bench/compare.sh), measure nothing, and stop the portal once FILE is deleted.
# Loopback only. 15-20 minutes with the defaults. See bench/README.md.
set -euo pipefail
# In braces, so that bash reads the whole script before it runs: an edit meanwhile changes nothing.
{
. "$(dirname "$0")/common.sh"

URL=
ROUNDS=5
SECONDS_EACH=8
WARMUP=5
WARMUP_MAX=300
CONNECTIONS=16
REQUESTERS=200
SHARED_SESSION=no
SERVE=
while [ $# -gt 0 ]; do
	case "$1" in
	--url) URL=$2; shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	--seconds) SECONDS_EACH=$2; shift 2 ;;
	--warmup) WARMUP=$2; shift 2 ;;
	--warmup-max) WARMUP_MAX=$2; shift 2 ;;
	--connections) CONNECTIONS=$2; shift 2 ;;
	--shared-session) SHARED_SESSION=yes; shift ;;
	--serve) SERVE=$2; shift 2 ;;
	--requesters) REQUESTERS=$2; shift 2 ;;
	--user) DB_USER=$2; shift 2 ;;
	--password) DB_PASSWORD=$2; shift 2 ;;
	*) die "unknown argument $1 (see the head of $0)" ;;
	esac
done
[ -n "$URL" ] || die "--url jdbc:postgresql://host:port/database is required (a database bench/generate.sh filled)"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "--connections must be a positive number"
# One wrk thread per connection, so that each connection keeps the session its thread was given.
THREADS=$CONNECTIONS
set_database "$URL"
[ "$(sql -c "select to_regclass('public.request') is not null and exists (select 1 from staff_account where username = 'bench.balie')")" = t ] ||
	die "no generated data in $JDBC_URL: run bench/generate.sh first"

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "Installing wrk (Debian) ..."
		apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
	fi
	command -v wrk >/dev/null || die "wrk is missing: apt-get install wrk"
fi

port_free() {
	! (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
APP_PORT=${APP_PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
MAIL_PORT=${MAIL_PORT:-2525}
for port in "$APP_PORT" "$MANAGEMENT_PORT" "$MAIL_PORT"; do
	port_free "$port" || die "port $port is in use (set APP_PORT, MANAGEMENT_PORT, MAIL_PORT)"
done
export APP_PORT MANAGEMENT_PORT MAIL_PORT
BASE=http://127.0.0.1:$APP_PORT
MANAGEMENT=http://127.0.0.1:$MANAGEMENT_PORT

MAIL_DIR=$BENCH_WORK/mail
rm -rf "$MAIL_DIR"
python3 "$BENCH_DIR/smtp_sink.py" "$MAIL_PORT" "$MAIL_DIR" >"$BENCH_WORK/smtp.log" 2>&1 &
SINK_PID=$!
cleanup() {
	stop_app
	kill "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT

# Statement counts come from pg_stat_statements when the server loads it (bench/postgres.sh does).
if sql -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 &&
	sql -c "select pg_stat_statements_reset()" >/dev/null 2>&1; then
	STATEMENTS=yes
else
	STATEMENTS=no
	echo "pg_stat_statements is not loaded by this server: no SQL statement counts"
fi

# Who signs in: bench.balie, and with a session per connection (the default) as many of the
# generated desk members as there are further connections, as 16 clerks at 16 desks would be.
# Each signs in as a new member does: password, then enrolment of the second factor; reset here
# as an administrator's reset would, so every run enrols afresh.
if [ "$SHARED_SESSION" = yes ]; then
	MEMBERS=(bench.balie)
else
	mapfile -t MEMBERS < <(sql -c "select 'bench.balie' union all (select a.username from staff_account a
		join staff_role r on r.account_id = a.id where r.role = 'DESK' and a.enabled and a.username <> 'bench.balie'
		order by a.username limit $((CONNECTIONS - 1)))")
	[ "${#MEMBERS[@]}" -eq "$CONNECTIONS" ] ||
		echo "only ${#MEMBERS[@]} desk members for $CONNECTIONS connections: some connections share a session"
fi
MEMBER_LIST=$(printf "'%s'," "${MEMBERS[@]}")
sql -c "update staff_account set totp_secret = null, totp_enrolled_at = null, totp_last_step = null,
	failed_attempts = 0, locked_until = null where username in (${MEMBER_LIST%,})" >/dev/null

REQUESTS=$(sql -c "select count(*) from request")
echo "Starting the portal against $JDBC_URL ($REQUESTS requests) ..."
# Prod-like: no dev profile. All traffic comes from 127.0.0.1, so the per-address limits
# (posts, codes, uploads) are raised as the reliability suite does; they are still checked.
start_app \
	--recordsdesk.rate-limit.capacity=100000000 \
	--recordsdesk.requests.codes-per-address=1000000 \
	--recordsdesk.requests.uploads-per-address=1000GB \
	--recordsdesk.mail.poll-interval=500ms \
	${BENCH_APP_ARGS:-}
echo "Signing in ${#MEMBERS[@]} desk member(s) ..."
COOKIES=()
for member in "${MEMBERS[@]}"; do
	cookie=$(python3 "$BENCH_DIR/signin.py" "$BASE" "$member" benchmark-wachtwoord --key-file="$BENCH_WORK/$member.key") ||
		die "$member could not sign in"
	COOKIES+=("$cookie")
done
# bench.balie's session: the checks below and the statement counts.
COOKIE=${COOKIES[0]}
# wrk: each thread (one connection each) takes the next session, and keeps it for the run.
{
	echo '-- written by bench/run.sh: one session cookie per wrk thread, and run with one connection per thread'
	echo 'local cookies = {'
	printf '  "%s",\n' "${COOKIES[@]}"
	echo '}'
	echo 'local threads = 0'
	echo 'function setup(thread)'
	echo '  threads = threads + 1'
	echo '  thread:set("cookie", cookies[(threads - 1) % #cookies + 1])'
	echo 'end'
	echo 'function init(args)'
	echo '  wrk.headers["Cookie"] = cookie'
	echo 'end'
} >"$BENCH_WORK/sessions.lua"

# What to open: requests of the generated data that the desk works on.
QUEUE_OPEN="('SUBMITTED','IN_REVIEW','AWAITING_REQUESTER','PHYSICIAN_REVIEW','APPROVED','IN_PREPARATION','READY')"
REQUEST_REF=$(sql -c "select reference from request where status = 'IN_REVIEW' order by reference limit 1")
SEARCH_REF=$(sql -c "select reference from request where status = 'SUBMITTED' order by reference desc limit 1")
SEARCH_NAME=$(sql -c "select patient_name from request where status in $QUEUE_OPEN order by reference limit 1")
OPEN=$(sql -c "select count(*) from request where status in $QUEUE_OPEN")
DEEP=$(((OPEN + 24) / 25 - 1))
# the queue's deepest page is 10,000 lines in (page 400; the queries work caps it there)
[ "$DEEP" -le 399 ] || DEEP=399
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

NAMES=("staff start page (signed in)" "queue" "queue, status IN_REVIEW" "queue, status DELIVERED" "queue, search by name" "queue, search by reference"
	"queue, page $((DEEP + 1)) (last or 400th)" "request page" "dashboard")
URLS=("/staff" "/desk" "/desk?status=IN_REVIEW" "/desk?status=DELIVERED" "/desk?search=$(urlencode "$SEARCH_NAME")"
	"/desk?search=$SEARCH_REF" "/desk?page=$DEEP" "/desk/requests/$REQUEST_REF" "/desk/dashboard")
FLOOR=/css/portal.css

# Every page answers 200 and shows the signed-in member, before anything is measured.
for i in "${!URLS[@]}"; do
	code=$(curl -s -o "$BENCH_WORK/page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE${URLS[$i]}")
	[ "$code" = 200 ] && grep -q 'Medewerker Benchmark' "$BENCH_WORK/page.html" ||
		die "${NAMES[$i]} (${URLS[$i]}) answered $code, not the page (see $BENCH_WORK/page.html, $APP_LOG)"
done

# Every session is its own member's: the queue shows their name.
for i in "${!COOKIES[@]}"; do
	name=$(sql -c "select display_name from staff_account where username = '${MEMBERS[$i]}'")
	code=$(curl -s -o "$BENCH_WORK/page.html" -w '%{http_code}' -H "Cookie: ${COOKIES[$i]}" "$BASE/desk")
	[ "$code" = 200 ] && grep -qF "$name" "$BENCH_WORK/page.html" ||
		die "the session of ${MEMBERS[$i]} answered $code, not their queue (see $BENCH_WORK/page.html)"
done

# Serving bench/compare.sh: what to open, then wait until it is done with this instance.
if [ -n "$SERVE" ]; then
	{
		echo "BASE=$BASE"
		echo "MANAGEMENT=$MANAGEMENT"
		echo "SESSIONS=$BENCH_WORK/sessions.lua"
		echo "OPEN=$OPEN"
		echo "REQUESTS=$REQUESTS"
		printf 'URLS=('
		printf '"%s" ' "${URLS[@]}"
		echo ')'
	} >"$SERVE.tmp"
	mv "$SERVE.tmp" "$SERVE"
	while [ -e "$SERVE" ] && kill -0 "$APP_PID" 2>/dev/null; do sleep 1; done
	exit 0
fi

TODAY=$(date +%F)
cat >"$BENCH_WORK/eligibility.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"requestType":"RECORD_COPY","submittedOn":"$TODAY","patient":{"birthDate":"2013-05-01"},"requester":{"relation":"PARENT","parentalAuthority":"JOINT"}}'
EOF
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$BENCH_WORK/eligibility.lua")" "$BASE/api/v1/eligibility")
[ "$code" = 200 ] || die "the eligibility API answered $code"

# One wrk run: prints "requests_per_second p50_ms p99_ms failed" (failed: answers other than
# 2xx or 3xx, and socket errors and time-outs).
measure() {
	local seconds=$1 url=$2
	shift 2
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 30s --latency "$@" "$url" 2>&1 | awk '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
		/Requests\/sec:/ { rps = $2 }
		/^ +50%/ { p50 = ms($2) }
		/^ +99%/ { p99 = ms($2) }
		/Non-2xx or 3xx responses:/ { bad += $5 }
		/Socket errors:/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
		END { printf "%s %s %s %d\n", rps + 0, p50 + 0, p99 + 0, bad + 0 }'
}

RESULTS=$BENCH_WORK/rounds.txt
: >"$RESULTS"
# Warm-up: after a start the JIT compiler is busy with the pages' code for minutes under this
# load (a profile showed it taking a core for the first three minutes); production runs warm.
# Each page for --warmup seconds, then passes over all of them until a pass (about 2 s a page)
# costs the compiler under a second (jvm_compilation_time_ms_total), or --warmup-max is reached.
compile_ms() {
	curl -s "$MANAGEMENT/actuator/prometheus" | awk '/^jvm_compilation_time_ms_total/ { s += $NF } END { printf "%.0f", s }'
}
warm_pass() {
	local seconds=$1 url
	measure "$seconds" "$BASE$FLOOR" -s "$BENCH_WORK/sessions.lua" >/dev/null
	for url in "${URLS[@]}"; do measure "$seconds" "$BASE$url" -s "$BENCH_WORK/sessions.lua" >/dev/null; done
	measure "$seconds" "$MANAGEMENT/actuator/health" >/dev/null
	measure "$seconds" "$BASE/api/v1/eligibility" -s "$BENCH_WORK/eligibility.lua" >/dev/null
}
echo "Warming up (${WARMUP} s a page, then until the JIT compiler is done, at most ${WARMUP_MAX} s) ..."
WARM_START=$(date +%s)
warm_pass "$WARMUP"
while :; do
	before=$(compile_ms)
	warm_pass 2
	after=$(compile_ms)
	WARMED_IN=$(($(date +%s) - WARM_START))
	[ $((after - before)) -lt 1000 ] && { WARM_TEXT="warm-up ${WARMED_IN} s, until a pass cost the JIT compiler $((after - before)) ms"; break; }
	[ "$WARMED_IN" -ge "$WARMUP_MAX" ] && { WARM_TEXT="warm-up ${WARMED_IN} s, the JIT compiler still busy ($((after - before)) ms in the last pass)"; break; }
done
echo "  $WARM_TEXT"
COMPILE_BEFORE_ROUNDS=$(compile_ms)

# Rounds: the stylesheet, every desk page, the stylesheet again; then health, the API,
# health again. Each page's ratio is to the mean of the floor runs around it in its round.
for round in $(seq "$ROUNDS"); do
	echo "Round $round of $ROUNDS ..."
	echo "$round floor-before $(measure "$SECONDS_EACH" "$BASE$FLOOR" -s "$BENCH_WORK/sessions.lua")" >>"$RESULTS"
	for i in "${!URLS[@]}"; do
		echo "$round page$i $(measure "$SECONDS_EACH" "$BASE${URLS[$i]}" -s "$BENCH_WORK/sessions.lua")" >>"$RESULTS"
	done
	echo "$round floor-after $(measure "$SECONDS_EACH" "$BASE$FLOOR" -s "$BENCH_WORK/sessions.lua")" >>"$RESULTS"
	echo "$round health-before $(measure "$SECONDS_EACH" "$MANAGEMENT/actuator/health")" >>"$RESULTS"
	echo "$round api $(measure "$SECONDS_EACH" "$BASE/api/v1/eligibility" -s "$BENCH_WORK/eligibility.lua")" >>"$RESULTS"
	echo "$round health-after $(measure "$SECONDS_EACH" "$MANAGEMENT/actuator/health")" >>"$RESULTS"
done

COMPILE_IN_ROUNDS=$(($(compile_ms) - COMPILE_BEFORE_ROUNDS))

# SQL statements per page: reset the server's statistics, open the page once, add up the calls
# of this database, leaving out the portal's background work (the mail outbox's polling, the
# session clean-up, the scheduler) and transaction control.
count_statements() {
	[ "$STATEMENTS" = yes ] || { echo "n/a"; return; }
	sql -c "select pg_stat_statements_reset()" >/dev/null
	curl -s -o /dev/null -H "Cookie: $COOKIE" "$@"
	sql -c "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
		where d.datname = current_database()
		  and s.query !~* '^\\s*(begin|commit|rollback|set|show|select pg_stat_statements_reset)'
		  and s.query !~* '(mail_outbox|mail_attachment|job_run|event_publication|where expiry_time <)'
		  and s.query !~* 'pg_stat_statements'"
}
SQL_COUNTS=()
for url in "${URLS[@]}"; do SQL_COUNTS+=("$(count_statements "$BASE$url")"); done
SQL_API=$(count_statements -H 'Content-Type: application/json' -d "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$BENCH_WORK/eligibility.lua")" "$BASE/api/v1/eligibility")

echo "Submissions: $REQUESTERS requesters at once ..."
SUBMIT=$(python3 "$BENCH_DIR/submit.py" "$BASE" "$MAIL_DIR" --requesters "$REQUESTERS" --heap-url "$MANAGEMENT/actuator/prometheus")
value() { echo "$SUBMIT" | sed -n "s/^$1=//p"; }
HEAP_MAX=$(curl -s "$MANAGEMENT/actuator/prometheus" | awk '/^jvm_memory_max_bytes\{.*area="heap"/ { if ($NF > 0) s += $NF } END { printf "%.0f", s / 1048576 }')
ERRORS_IN_LOG=$(grep -c ' ERROR ' "$APP_LOG" || true)

# The report.
if [ "$SHARED_SESSION" = yes ]; then SESSIONS_TEXT="one session shared by all (--shared-session)"; else SESSIONS_TEXT="${#COOKIES[@]} sessions of ${#MEMBERS[@]} desk members, one per connection"; fi
REPORT=$BENCH_WORK/report-$(date -u +%Y%m%dT%H%M%SZ).txt
{
	echo "recordsdesk benchmark, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "$REQUESTS requests ($OPEN in the queue), wrk $CONNECTIONS connections (a thread each), $SESSIONS_TEXT, $ROUNDS rounds x ${SECONDS_EACH} s, java ${BENCH_JAVA_OPTS:--Xmx512m}"
	echo "$WARM_TEXT; the JIT compiler's time during the rounds: $COMPILE_IN_ROUNDS ms"
	echo
	awk -v names="$(printf '%s\n' "${NAMES[@]}")" -v sqls="$(printf '%s\n' "${SQL_COUNTS[@]}")" -v sqlapi="$SQL_API" '
		BEGIN { n = split(names, name, "\n"); split(sqls, sq, "\n") }
		{ rps[$1, $2] = $3; p50[$1, $2] = $4; p99[$1, $2] = $5; bad[$2] += $6; if ($1 > rounds) rounds = $1 }
		function median(a, k,    i, j, t) { for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t } return (k % 2) ? a[(k+1)/2] : (a[k/2] + a[k/2+1]) / 2 }
		function row(label, key, floor1, floor2, sqlcount,    r, ratio, lo, hi, x, y, z, w, k) {
			lo = 1e9; hi = 0; k = 0
			for (r = 1; r <= rounds; r++) {
				ratio = rps[r, key] / ((rps[r, floor1] + rps[r, floor2]) / 2)
				if (ratio < lo) lo = ratio; if (ratio > hi) hi = ratio
				k++; x[k] = ratio; y[k] = rps[r, key]; z[k] = p50[r, key]; w[k] = p99[r, key]
			}
			printf "%-34s %7.3f  %5.3f-%-6.3f %9.1f %9.1f %9.1f %7d %5s\n", label, median(x, k), lo, hi, median(y, k), median(z, k), median(w, k), bad[key], sqlcount
		}
		function floorrow(label, key1, key2,    r, k, y, z, w) {
			k = 0
			for (r = 1; r <= rounds; r++) { k++; y[k] = rps[r, key1]; z[k] = p50[r, key1]; w[k] = p99[r, key1]; k++; y[k] = rps[r, key2]; z[k] = p50[r, key2]; w[k] = p99[r, key2] }
			printf "%-34s %7s  %-12s %9.1f %9.1f %9.1f %7d %5s\n", label, "1", "", median(y, k), median(z, k), median(w, k), bad[key1] + bad[key2], ""
		}
		END {
			printf "%-34s %7s  %-12s %9s %9s %9s %7s %5s\n", "page", "ratio", "min-max", "req/s", "p50 ms", "p99 ms", "failed", "SQL"
			floorrow("stylesheet (floor)", "floor-before", "floor-after")
			for (i = 1; i <= n; i++) row(name[i], "page" (i - 1), "floor-before", "floor-after", sq[i])
			floorrow("/actuator/health (floor)", "health-before", "health-after")
			row("eligibility API", "api", "health-before", "health-after", sqlapi)
		}' "$RESULTS"
	echo
	echo "ratio: the page's throughput over its floor's in the same round (median of $ROUNDS rounds, min-max);"
	echo "req/s, p50, p99: median over the rounds; SQL: statements of one view (pg_stat_statements)."
	echo
	echo "Submissions, $(value requesters) requesters at once through the public form (six steps, an ID upload, the e-mailed code):"
	echo "  final POST of all released together: $(value sent) filed in $(value send_seconds) s = $(value send_per_second)/s, p50 $(value send_p50_ms) ms, p99 $(value send_p99_ms) ms"
	echo "  the form before it, all at once: $(value form_seconds) s; failures: $(value errors)"
	echo "  heap used at most $(value heap_max_mb) MB (of $HEAP_MAX MB max) while they ran"
	echo "ERROR lines in the portal's log: $ERRORS_IN_LOG ($APP_LOG)"
	echo "pages: request $REQUEST_REF, search '$SEARCH_NAME' and $SEARCH_REF"
} | tee "$REPORT"
echo "(kept in $REPORT)"
exit 0
}
