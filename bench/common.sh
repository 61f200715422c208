# Shared by bench/*.sh: reading --url, running psql against it, starting and stopping the jar.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
BENCH_WORK=${BENCH_WORK:-$ROOT_DIR/target/bench}
mkdir -p "$BENCH_WORK"

die() {
	echo "$(basename "$0"): $*" >&2
	exit 1
}

# --url jdbc:postgresql://host:port/db (the form the portal takes) -> psql's URI; user and
# password from --user/--password (default postgres, none) via PGUSER/PGPASSWORD.
set_database() {
	JDBC_URL=$1
	case "$JDBC_URL" in
	jdbc:postgresql://*) ;;
	*) die "--url must be a JDBC URL: jdbc:postgresql://host:port/database" ;;
	esac
	PSQL_URL=${JDBC_URL#jdbc:}
	export PGUSER=${DB_USER:-postgres}
	if [ -n "${DB_PASSWORD:-}" ]; then export PGPASSWORD=$DB_PASSWORD; fi
}

sql() {
	psql -X -q -v ON_ERROR_STOP=1 -At "$PSQL_URL" "$@"
}

find_jar() {
	JAR=$(ls "$ROOT_DIR"/target/recordsdesk-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
	[ -n "$JAR" ] || die "no target/recordsdesk-*.jar: build it first (./mvnw -q package -DskipTests)"
}

# Starts the jar against the database on loopback ports; APP_PID, APP_LOG. Extra arguments are
# passed to the portal. Waits until it answers (Flyway may first migrate a large database) or
# gives up after 10 minutes.
start_app() {
	find_jar
	APP_LOG=$BENCH_WORK/app.log
	TOTP_KEY_FILE=$BENCH_WORK/totp-key
	[ -s "$TOTP_KEY_FILE" ] || head -c 32 /dev/urandom | base64 >"$TOTP_KEY_FILE"
	java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" \
		--spring.datasource.url="$JDBC_URL" \
		--spring.datasource.username="$PGUSER" \
		--spring.datasource.password="${PGPASSWORD:-}" \
		--recordsdesk.accounts.totp-key="$(cat "$TOTP_KEY_FILE")" \
		--spring.mail.host=127.0.0.1 --spring.mail.port="${MAIL_PORT:-2525}" \
		--server.address=127.0.0.1 --server.port="${APP_PORT:-18080}" \
		--management.server.port="${MANAGEMENT_PORT:-18081}" \
		"$@" >"$APP_LOG" 2>&1 &
	APP_PID=$!
	local i
	for i in $(seq 600); do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			tail -30 "$APP_LOG" >&2
			die "the portal did not start (log: $APP_LOG)"
		fi
		if curl -fs -o /dev/null "http://127.0.0.1:${MANAGEMENT_PORT:-18081}/actuator/health"; then
			return 0
		fi
		sleep 1
	done
	stop_app
	die "the portal did not answer within 10 minutes (log: $APP_LOG)"
}

stop_app() {
	if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=
}

# Flyway makes the schema when the portal starts: start it once if the database has none.
ensure_schema() {
	if [ "$(sql -c "select to_regclass('public.flyway_schema_history') is not null")" = t ]; then
		return 0
	fi
	echo "No schema yet: starting the portal once so that Flyway makes it ..."
	start_app
	stop_app
}
