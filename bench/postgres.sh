#!/usr/bin/env bash
# A PostgreSQL of the benchmark's own, on loopback, with pg_stat_statements:
#   bench/postgres.sh start | stop | status | create DBNAME | drop DBNAME
# Uses Debian's server (apt-get install postgresql postgresql-contrib). Data in $BENCH_PGDATA
# (default /tmp/recordsdesk-bench-pg), port $BENCH_PGPORT (default 55432). Run as root it runs
# the server as the postgres user, as Debian does.
set -euo pipefail

PGDATA_DIR=${BENCH_PGDATA:-/tmp/recordsdesk-bench-pg}
PORT=${BENCH_PGPORT:-55432}
BIN=${BENCH_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$BIN/pg_ctl" ] || {
	echo "no PostgreSQL server found: apt-get install -y postgresql postgresql-contrib" >&2
	exit 1
}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case "${1:-}" in
start)
	if [ ! -s "$PGDATA_DIR/data/PG_VERSION" ]; then
		mkdir -p "$PGDATA_DIR"
		[ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR"
		as_owner "$BIN/initdb" -D "$PGDATA_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
		cat >>"$PGDATA_DIR/data/postgresql.conf" <<-EOF
			listen_addresses = '127.0.0.1'
			port = $PORT
			unix_socket_directories = '$PGDATA_DIR'
			shared_preload_libraries = 'pg_stat_statements'
			pg_stat_statements.track = top
			max_connections = 200
			shared_buffers = 512MB
			work_mem = 16MB
			maintenance_work_mem = 256MB
			max_wal_size = 4GB
			synchronous_commit = on
		EOF
	fi
	if as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR/data" status >/dev/null 2>&1; then
		echo "already running on 127.0.0.1:$PORT"
	else
		as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/server.log" -w start >/dev/null
		echo "PostgreSQL on 127.0.0.1:$PORT (user postgres, no password; data in $PGDATA_DIR)"
	fi
	;;
stop)
	as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast stop
	;;
status)
	as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR/data" status
	;;
create)
	psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE \"${2:?database name}\""
	echo "jdbc:postgresql://127.0.0.1:$PORT/$2"
	;;
drop)
	psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"${2:?database name}\""
	;;
*)
	echo "usage: bench/postgres.sh start | stop | status | create DBNAME | drop DBNAME" >&2
	exit 1
	;;
esac
