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
management_port=$((9990 + offset))
jdbc_url="jdbc:postgresql://127.0.0.1:5432/$database?user=postgres"
server=$(ls -d "$PWD"/wildfly-config/target/wildfly-* 2>/dev/null | head -1 || true)
ear=$PWD/ear/target/helpdesk.ear
base_dir=$PWD/target/ci-bench-server
[[ -n $server && -f $ear ]] || { echo "Build first: ./mvnw -B package -DskipTests" >&2; exit 2; }

server_pid=
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
        kill -9 "$server_pid" 2>/dev/null || true
    fi
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $database" || true
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
bench/generate-data.sh "$jdbc_url" "$tickets"

rm -rf "$base_dir"
mkdir -p "$base_dir/deployments"
cp -r "$server/standalone/configuration" "$base_dir/"
cp "$ear" "$base_dir/deployments/"
# The server's JVM itself (exec), so that its PID is the one to stop and to measure.
(exec "$server/bin/standalone.sh" -c standalone-helpdesk-postgresql.xml -Djboss.server.base.dir="$base_dir" \
    -Djboss.socket.binding.port-offset=$offset -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Dhelpdesk.db.url="jdbc:postgresql://127.0.0.1:5432/$database" -Dhelpdesk.db.user=postgres \
    -Dhelpdesk.db.password=trust-auth-needs-none \
    -Declipselink.logging.level.sql=FINE -Declipselink.logging.parameters=true \
    >"$base_dir/console.log" 2>&1) &
launcher_pid=$!
for _ in $(seq 1 180); do
    server_pid=$(pgrep -f "jboss.server.base.dir=$base_dir( |$)" | while read -r pid; do
        [[ $(ps -o comm= -p "$pid") == java ]] && echo "$pid"; done | head -1 || true)
    curl -sf "http://127.0.0.1:$management_port/health/ready" >/dev/null && break
    kill -0 "$launcher_pid" 2>/dev/null || { echo "The server stopped; see $base_dir/console.log" >&2; exit 1; }
    sleep 1
done
curl -sf "http://127.0.0.1:$management_port/health/ready" >/dev/null \
    || { echo "The server did not become ready in 180 s; see $base_dir/log/server.log" >&2; exit 1; }

BENCH_WARMUP=${BENCH_WARMUP:-1} BENCH_DURATION=${BENCH_DURATION:-3} BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16} \
    BENCH_MIN_RATIO=${BENCH_MIN_RATIO:-0.5} BENCH_STAFF_DEEP_PAGE=${BENCH_STAFF_DEEP_PAGE:-200} \
    BENCH_JDBC_URL="$jdbc_url" bench/run.sh "http://127.0.0.1:$http_port" "$server_pid"

java -cp "$server/modules/org/postgresql/main/postgresql.jar" bench/PlanCheck.java \
    "$base_dir/log/server.log" "$jdbc_url"
