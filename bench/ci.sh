#!/usr/bin/env bash
# The benchmark as CI runs it (.ci/run), on PostgreSQL at 127.0.0.1:5432:
#
#   bench/ci.sh
#
# 1. A fresh database (BENCH_CI_DATABASE, helpdesk_ci_bench) filled by bench/generate-data.sh with
#    BENCH_CI_TICKETS tickets (100,000).
# 2. The EAR this build made, on the production configuration (standalone-helpdesk-postgresql.xml)
#    at port offset 650 (HTTP 8730, management 10640), its SQL written to its log.
# 3. bench/run.sh with short rows at c=16 and the ratio check (BENCH_MIN_RATIO=0.5): every staff
#    row against the requester's row, and My Support Requests under the slowest staff row against
#    the same list alone; any error fails. The deep page is page 200 (offset 5,000: about the
#    share of one clinic's tickets that page 2,000 is at a million; deeper, at 100,000 tickets, a
#    sequential scan is the better plan and PlanCheck would refuse it).
# 4. bench/PlanCheck.java: the plan of every query on the ticket tables that the rows ran, on this
#    data; a sequential scan of ticket, ticket_message or ticket_event fails.
#
# The server is stopped by its PID and the database dropped afterwards, also on failure. Needs the
# build's output (./mvnw package), psql, wrk (bench/run.sh installs it) and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

tickets=${BENCH_CI_TICKETS:-100000}
database=${BENCH_CI_DATABASE:-helpdesk_ci_bench}
offset=650
http_port=$((8080 + offset))
jdbc_url="jdbc:postgresql://127.0.0.1:5432/$database?user=postgres"
base_dir=$PWD/target/ci-bench-server
# shellcheck source=bench/server.sh
source bench/server.sh

bench_server_pid=
cleanup() {
    stop_bench_server "$bench_server_pid"
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $database" || true
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
bench/generate-data.sh "$jdbc_url" "$tickets"

start_bench_server "$base_dir" "$offset" "$database" \
    -Declipselink.logging.level.sql=FINE -Declipselink.logging.parameters=true

BENCH_WARMUP=${BENCH_WARMUP:-1} BENCH_DURATION=${BENCH_DURATION:-3} BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16} \
    BENCH_MIN_RATIO=${BENCH_MIN_RATIO:-0.5} BENCH_STAFF_DEEP_PAGE=${BENCH_STAFF_DEEP_PAGE:-200} \
    BENCH_JDBC_URL="$jdbc_url" bench/run.sh "http://127.0.0.1:$http_port" "$bench_server_pid"

java -cp "$(ls -d "$PWD"/wildfly-config/target/wildfly-*/modules/org/postgresql/main/postgresql.jar | head -1)" bench/PlanCheck.java \
    "$base_dir/log/server.log" "$jdbc_url"
