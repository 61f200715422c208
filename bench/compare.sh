#!/usr/bin/env bash
# The desk's pages at two data sizes in one run: two instances of the built jar, one on each
# database, measured alternately page by page, so that both see the same speed of the host.
#   bench/compare.sh --url jdbc:postgresql://127.0.0.1:55432/bench10k --compare-url jdbc:postgresql://127.0.0.1:55432/bench1m
#                    [--rounds 3] [--seconds 8] [--warmup-passes 8]
# Loopback only. About 15 minutes with the defaults. See bench/README.md.
set -euo pipefail
{
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/common.sh"

URL=
COMPARE_URL=
ROUNDS=3
SECONDS_EACH=8
WARMUP_PASSES=8
while [ $# -gt 0 ]; do
	case "$1" in
	--url) URL=$2; shift 2 ;;
	--compare-url) COMPARE_URL=$2; shift 2 ;;
	--rounds) ROUNDS=$2; shift 2 ;;
	--seconds) SECONDS_EACH=$2; shift 2 ;;
	--warmup-passes) WARMUP_PASSES=$2; shift 2 ;;
	*) die "unknown argument $1 (see the head of $0)" ;;
	esac
done
[ -n "$URL" ] && [ -n "$COMPARE_URL" ] || die "--url and --compare-url are required (two databases bench/generate.sh filled)"

WORK=$BENCH_WORK/compare
rm -rf "$WORK"
mkdir -p "$WORK"
# Each instance is bench/run.sh --serve, with its own ports, mail sink and work folder.
serve() { # label url app-port management-port mail-port
	BENCH_WORK=$WORK/$1 APP_PORT=$3 MANAGEMENT_PORT=$4 MAIL_PORT=$5 \
		bash "$BENCH_DIR/run.sh" --url "$2" --serve "$WORK/$1.pages" >"$WORK/$1.log" 2>&1 &
}
stop() { rm -f "$WORK/a.pages" "$WORK/b.pages"; wait || true; }
trap stop EXIT
echo "Starting two instances (A: $URL, B: $COMPARE_URL) ..."
serve a "$URL" "${APP_PORT:-18080}" "${MANAGEMENT_PORT:-18081}" "${MAIL_PORT:-2525}"
serve b "$COMPARE_URL" "${COMPARE_APP_PORT:-18090}" "${COMPARE_MANAGEMENT_PORT:-18091}" "${COMPARE_MAIL_PORT:-2526}"
for i in $(seq 1200); do
	[ -s "$WORK/a.pages" ] && [ -s "$WORK/b.pages" ] && break
	if ! jobs -r | grep -q .; then
		tail -20 "$WORK/a.log" "$WORK/b.log" >&2
		die "an instance did not start (logs in $WORK)"
	fi
	sleep 1
done
[ -s "$WORK/a.pages" ] && [ -s "$WORK/b.pages" ] || die "the instances did not get ready within 20 minutes (logs in $WORK)"
# shellcheck disable=SC1091
A_BASE=$(. "$WORK/a.pages" && echo "$BASE")
B_BASE=$(. "$WORK/b.pages" && echo "$BASE")
A_MANAGEMENT=$(. "$WORK/a.pages" && echo "$MANAGEMENT")
B_MANAGEMENT=$(. "$WORK/b.pages" && echo "$MANAGEMENT")
A_SESSIONS=$(. "$WORK/a.pages" && echo "$SESSIONS")
B_SESSIONS=$(. "$WORK/b.pages" && echo "$SESSIONS")
A_TEXT=$(. "$WORK/a.pages" && echo "$REQUESTS requests ($OPEN open)")
B_TEXT=$(. "$WORK/b.pages" && echo "$REQUESTS requests ($OPEN open)")
mapfile -t A_URLS < <(. "$WORK/a.pages" && printf '%s\n' "${URLS[@]}")
mapfile -t B_URLS < <(. "$WORK/b.pages" && printf '%s\n' "${URLS[@]}")
NAMES=("staff start page" "queue" "queue, IN_REVIEW" "queue, DELIVERED" "queue, search by name"
	"queue, search by reference" "queue, last page" "request page" "dashboard")
[ "${#A_URLS[@]}" -eq "${#NAMES[@]}" ] && [ "${#B_URLS[@]}" -eq "${#NAMES[@]}" ] ||
	die "bench/run.sh --serve named other pages than this script measures"

# Warm-up: all pages mixed (each wrk connection takes the next page of the list), 20 s on A,
# then 20 s on B, --warmup-passes times, so that both compile the same code for the same mix.
mixed() { # sessions.lua urls...
	local sessions=$1
	shift
	sed '/^function init/,$d' "$sessions"
	printf 'local paths = {'
	printf ' "%s",' "$@" /css/portal.css
	echo ' }'
	echo 'local n = 0'
	echo 'function init(args) wrk.headers["Cookie"] = cookie end'
	echo 'function request() n = n + 1 return wrk.format(nil, paths[n % #paths + 1]) end'
}
mixed "$A_SESSIONS" "${A_URLS[@]}" >"$WORK/a-mixed.lua"
mixed "$B_SESSIONS" "${B_URLS[@]}" >"$WORK/b-mixed.lua"
compile_ms() {
	curl -s "$1/actuator/prometheus" | awk '/^jvm_compilation_time_ms_total/ { s += $NF } END { printf "%.0f", s }'
}
# "requests_per_second p50_ms p99_ms non_2xx"
measure() { # url sessions.lua
	wrk -t16 -c16 -d"${SECONDS_EACH}s" --timeout 30s --latency -s "$2" "$1" 2>&1 | awk '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		/^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
		/Non-2xx or 3xx responses/ { bad = $NF }
		END { printf "%.1f %.2f %.2f %d", rps, p50, p99, bad }'
}
echo "Warming up: $WARMUP_PASSES passes of 20 s of all pages mixed on each instance ..."
for pass in $(seq "$WARMUP_PASSES"); do
	a=$(compile_ms "$A_MANAGEMENT")
	wrk -t16 -c16 -d20s -s "$WORK/a-mixed.lua" "$A_BASE/" >/dev/null
	a=$(($(compile_ms "$A_MANAGEMENT") - a))
	b=$(compile_ms "$B_MANAGEMENT")
	wrk -t16 -c16 -d20s -s "$WORK/b-mixed.lua" "$B_BASE/" >/dev/null
	b=$(($(compile_ms "$B_MANAGEMENT") - b))
	echo "  pass $pass: the JIT compiler $a ms on A, $b ms on B, in their 20 s"
done

# Rounds: the stylesheet and each page, on A then B (B then A in even rounds).
RESULTS=$WORK/results
: >"$RESULTS"
for round in $(seq "$ROUNDS"); do
	echo "Round $round of $ROUNDS ..."
	for i in -1 "${!NAMES[@]}"; do
		if [ "$i" -lt 0 ]; then name=stylesheet a_url=/css/portal.css b_url=/css/portal.css
		else name=${NAMES[$i]} a_url=${A_URLS[$i]} b_url=${B_URLS[$i]}; fi
		if [ $((round % 2)) -eq 1 ]; then
			a=$(measure "$A_BASE$a_url" "$A_SESSIONS")
			b=$(measure "$B_BASE$b_url" "$B_SESSIONS")
		else
			b=$(measure "$B_BASE$b_url" "$B_SESSIONS")
			a=$(measure "$A_BASE$a_url" "$A_SESSIONS")
		fi
		echo "$round|$name|$a|$b" >>"$RESULTS"
	done
done

REPORT=$BENCH_WORK/compare-$(date -u +%Y%m%dT%H%M%SZ).txt
{
	echo "recordsdesk benchmark, two sizes, $(date -u +%FT%TZ), $(nproc) cores"
	echo "A: $A_TEXT; B: $B_TEXT; wrk 16 connections, a session each; $ROUNDS rounds x ${SECONDS_EACH} s, alternating"
	echo
	python3 - "$RESULTS" <<'EOF'
import statistics, sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1])]
names = list(dict.fromkeys(r[1] for r in rows))
print(f"{'page':28} {'A req/s':>8} {'p50':>7} {'p99':>7}   {'B req/s':>8} {'p50':>7} {'p99':>7}   B/A p50 (each round)")
bad = 0
for name in names:
    mine = [(list(map(float, r[2].split())), list(map(float, r[3].split()))) for r in rows if r[1] == name]
    med = lambda side, i: statistics.median(m[side][i] for m in mine)
    ratios = [b[1] / a[1] for a, b in mine]
    bad += sum(a[3] + b[3] for a, b in mine)
    print(f"{name:28} {med(0, 0):8.0f} {med(0, 1):7.1f} {med(0, 2):7.1f}   {med(1, 0):8.0f} {med(1, 1):7.1f} {med(1, 2):7.1f}   "
          f"{statistics.median(ratios):.2f} ({', '.join(f'{x:.2f}' for x in ratios)})")
print()
print("req/s, p50, p99 (ms): median over the rounds; B/A p50: B's median latency over A's in the same round")
print(f"answers other than 2xx/3xx: {int(bad)}")
EOF
} | tee "$REPORT"
echo "(kept in $REPORT)"
exit 0
}
