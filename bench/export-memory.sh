#!/usr/bin/env bash
# The CSV export's memory: the heap in use while exporting a tenth of the tickets and all of them.
#
#   bench/export-memory.sh [TICKETS]          (default 100000)
#
# A fresh database helpdesk_bench_export of TICKETS generated tickets (bench/generate-data.sh), the
# EAR this build made on the production configuration at port offset 660 (HTTP 8740), then as
# olivia (three clinics) GET /api/v1/tickets.csv three times: the closed tickets (a tenth), every
# ticket, every ticket again. For each it prints the rows and bytes, the time, and the most heap in
# use while it ran (young and old generation, sampled every 100 ms with jstat after a full GC): the
# export streams in chunks, so exporting ten times the rows must not take ten times the heap. The
# server is stopped by its PID and the database dropped afterwards. Needs a JDK (jstat, jcmd), psql
# and PostgreSQL on 127.0.0.1:5432, and ./mvnw -B package -DskipTests first.
set -euo pipefail
cd "$(dirname "$0")/.."

tickets=${1:-100000}
database=helpdesk_bench_export
offset=660
http_port=$((8080 + offset))
jdbc_url="jdbc:postgresql://127.0.0.1:5432/$database?user=postgres"
work_dir=$(mktemp -d)
# shellcheck source=bench/server.sh
source bench/server.sh

bench_server_pid=
cleanup() {
    stop_bench_server "$bench_server_pid"
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
    rm -rf "$work_dir"
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
bench/generate-data.sh "$jdbc_url" "$tickets" | tail -1
start_bench_server "$PWD/target/export-memory-server" "$offset" "$database"

# One export, measured: rows, bytes, milliseconds and the most heap in use meanwhile.
export_measured() {
    local label=$1 query=$2 sampler started elapsed peak rows
    jcmd "$bench_server_pid" GC.run >/dev/null
    (while true; do jstat -gc "$bench_server_pid" | awk 'NR == 2 { print int($3 + $4 + $6 + $8) }'; sleep 0.1; done) \
        >"$work_dir/heap" &
    sampler=$!
    started=$(date +%s%N)
    curl -sS -f -u olivia:demo -o "$work_dir/export.csv" "http://127.0.0.1:$http_port/api/v1/tickets.csv$query"
    elapsed=$((($(date +%s%N) - started) / 1000000))
    kill "$sampler"
    wait "$sampler" 2>/dev/null || true
    peak=$(sort -n "$work_dir/heap" | tail -1)
    rows=$(($(wc -l <"$work_dir/export.csv") - 1))
    printf '| %s | %d | %d | %d ms | %d MB |\n' "$label" "$rows" "$(stat -c %s "$work_dir/export.csv")" "$elapsed" $((peak / 1024))
}

echo
echo "CSV export at $tickets tickets, $(date -u '+%Y-%m-%d %H:%M UTC'), server PID $bench_server_pid"
echo
echo "| export | rows | bytes | time | heap in use at most |"
echo "| --- | ---: | ---: | ---: | ---: |"
export_measured "closed tickets" "?status=closed"
export_measured "every ticket" ""
export_measured "every ticket, again" ""
echo
echo "Server RSS at the end: $(($(ps -o rss= -p "$bench_server_pid") / 1024)) MB"
