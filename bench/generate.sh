#!/usr/bin/env bash
# Fills an empty recordsdesk database with N realistic requests (bench/generate.sql).
#   bench/generate.sh --requests 1000000 --url jdbc:postgresql://127.0.0.1:55432/bench1m [--user U --password P]
# The database must exist; without a schema the built jar is started once so that Flyway makes it.
set -euo pipefail
. "$(dirname "$0")/common.sh"

REQUESTS=10000
URL=
while [ $# -gt 0 ]; do
	case "$1" in
	--requests) REQUESTS=$2; shift 2 ;;
	--url) URL=$2; shift 2 ;;
	--user) DB_USER=$2; shift 2 ;;
	--password) DB_PASSWORD=$2; shift 2 ;;
	*) die "unknown argument $1 (--requests N --url jdbc:postgresql://host:port/db [--user U --password P])" ;;
	esac
done
[ -n "$URL" ] || die "--url jdbc:postgresql://host:port/database is required"
[[ "$REQUESTS" =~ ^[1-9][0-9]*$ ]] || die "--requests must be a positive number"
set_database "$URL"

ensure_schema
echo "Generating $REQUESTS requests into $JDBC_URL ..."
start=$(date +%s)
# psql reads the script as it goes: run a copy, so that editing the script meanwhile changes nothing.
cp "$BENCH_DIR/generate.sql" "$BENCH_WORK/generate.sql"
if ! psql -X -q -v ON_ERROR_STOP=1 -v requests="$REQUESTS" -f "$BENCH_WORK/generate.sql" "$PSQL_URL" \
	>"$BENCH_WORK/generate.out" 2>&1; then
	cat "$BENCH_WORK/generate.out" >&2
	die "generation failed (nothing was written: it runs in one transaction)"
fi
grep -v '^Time:' "$BENCH_WORK/generate.out" | grep -v '^$' | grep -v 'setseed\|setval\|^-\+$\|^ *$\|^ *[0-9]*$\|^(1 row)$' || true
echo "Done in $(($(date +%s) - start)) s. Staff sign in with password benchmark-wachtwoord (bench.balie: DESK)."
