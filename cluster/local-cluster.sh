#!/usr/bin/env bash
# A Helpdesk cluster on this machine, for trying it out: WildFly's load balancer and two nodes
# (node1, node2) on 127.0.0.1, sharing a PostgreSQL database, built from the same configurations
# an operator uses (standalone-helpdesk-load-balancer.xml, standalone-helpdesk-ha.xml).
#
#   cluster/local-cluster.sh start    build if needed, start all three, wait until they serve
#   cluster/local-cluster.sh stop     stop what start started (by PID)
#   cluster/local-cluster.sh status   which of them run, and their readiness
#
# Ports (all on 127.0.0.1): balancer http://127.0.0.1:9080/ (mod_cluster management 9090),
# node1 9180 (management 11090, JGroups 8700), node2 9280 (management 11190, JGroups 8800).
# The database: HELPDESK_DB_URL (default jdbc:postgresql://127.0.0.1:5432/helpdesk_cluster, created
# when missing), HELPDESK_DB_USER (postgres), HELPDESK_DB_PASSWORD. The demo users are loaded, as
# this is a trial; set HELPDESK_DEMO_DATA=false to leave them out.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT=$PWD
WORK=$ROOT/cluster/target
SERVER=$(ls -d "$ROOT"/wildfly-config/target/wildfly-* 2>/dev/null | head -1 || true)
EAR=$ROOT/ear/target/helpdesk.ear
DB_URL=${HELPDESK_DB_URL:-jdbc:postgresql://127.0.0.1:5432/helpdesk_cluster}
DB_USER=${HELPDESK_DB_USER:-postgres}
DB_PASSWORD=${HELPDESK_DB_PASSWORD:-trust-auth-needs-none}
DEMO_DATA=${HELPDESK_DEMO_DATA:-true}

BALANCER_OFFSET=1000
MEMBERS="127.0.0.1[8700],127.0.0.1[8800]"

offset_of() { case $1 in lb) echo $BALANCER_OFFSET ;; node1) echo 1100 ;; node2) echo 1200 ;; esac; }
management_port() { echo $((9990 + $(offset_of "$1"))); }
http_port() { echo $((8080 + $(offset_of "$1"))); }

# The server's own JVM, not the standalone.sh wrapper: that is what stop must end.
java_pid_of() {
    local name=$1
    pgrep -f "jboss.server.base.dir=$WORK/$name( |$)" | while read -r pid; do
        [ "$(ps -o comm= -p "$pid")" = "java" ] && echo "$pid"
    done | head -1
}

start_server() {
    local name=$1 config=$2; shift 2
    rm -rf "${WORK:?}/$name"
    cp -r "$SERVER/standalone" "$WORK/$name"
    rm -rf "$WORK/$name/log" "$WORK/$name/data" "$WORK/$name/tmp"
    nohup "$SERVER/bin/standalone.sh" -c "$config" \
        -Djboss.server.base.dir="$WORK/$name" -Djboss.node.name="$name" \
        -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
        -Djboss.bind.address.private=127.0.0.1 \
        -Djboss.socket.binding.port-offset="$(offset_of "$name")" "$@" \
        > "$WORK/$name.out" 2>&1 &
}

start_node() {
    local name=$1
    start_server "$name" standalone-helpdesk-ha.xml \
        -Dhelpdesk.cluster.members="$MEMBERS" \
        -Dhelpdesk.balancer.host=127.0.0.1 -Dhelpdesk.balancer.port=$((8090 + BALANCER_OFFSET)) \
        -Dhelpdesk.db.url="$DB_URL" -Dhelpdesk.db.user="$DB_USER" -Dhelpdesk.db.password="$DB_PASSWORD" \
        -Dhelpdesk.demo-data="$DEMO_DATA" -Dhelpdesk.base.url=http://127.0.0.1:$((8080 + BALANCER_OFFSET))
    cp "$EAR" "$WORK/$name/deployments/"
}

wait_until() {
    local what=$1 seconds=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        if [ $SECONDS -ge $deadline ]; then
            echo "!! $what did not come up within $seconds s; see $WORK/*.out" >&2
            return 1
        fi
        sleep 2
    done
}

node_ready() { curl -sf -m 10 -o /dev/null "http://127.0.0.1:$(management_port "$1")/health/ready"; }
balancer_serves() { [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(http_port lb)/login")" = 200 ]; }

create_database_if_missing() {
    local name=${DB_URL##*/}; name=${name%%\?*}
    if [[ $DB_URL == jdbc:postgresql://127.0.0.1:* || $DB_URL == jdbc:postgresql://localhost:* ]] && command -v psql >/dev/null; then
        if ! psql -h 127.0.0.1 -U "$DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
            echo "== Creating the database $name"
            psql -h 127.0.0.1 -U "$DB_USER" -d postgres -qc "CREATE DATABASE \"$name\""
        fi
    fi
}

stop_all() {
    for name in node1 node2 lb; do
        local pid
        pid=$(java_pid_of "$name" || true)
        if [ -n "$pid" ]; then
            echo "== Stopping $name (PID $pid)"
            kill "$pid"
        fi
    done
    for name in node1 node2 lb; do
        local pid deadline=$((SECONDS + 30))
        pid=$(java_pid_of "$name" || true)
        while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
            if [ $SECONDS -ge $deadline ]; then kill -9 "$pid"; break; fi
            sleep 1
        done
    done
}

case ${1:-} in
start)
    if [ -z "$SERVER" ] || [ ! -f "$SERVER/standalone/configuration/standalone-helpdesk-ha.xml" ] || [ ! -f "$EAR" ]; then
        echo "== Building (./mvnw package -DskipTests)"
        ./mvnw -B -q package -DskipTests
        SERVER=$(ls -d "$ROOT"/wildfly-config/target/wildfly-* | head -1)
    fi
    for name in lb node1 node2; do
        if [ -n "$(java_pid_of "$name" || true)" ]; then
            echo "!! $name is already running; cluster/local-cluster.sh stop first" >&2
            exit 1
        fi
    done
    mkdir -p "$WORK"
    create_database_if_missing
    echo "== Starting the load balancer and node1, node2"
    start_server lb standalone-helpdesk-load-balancer.xml
    start_node node1
    start_node node2
    trap 'echo "!! start failed; stopping what was started" >&2; stop_all' ERR
    wait_until "node1" 600 node_ready node1
    wait_until "node2" 600 node_ready node2
    wait_until "the load balancer" 120 balancer_serves
    trap - ERR
    echo "Helpdesk cluster at http://127.0.0.1:$(http_port lb)/ (node1 :$(http_port node1), node2 :$(http_port node2)); stop it with cluster/local-cluster.sh stop"
    ;;
stop)
    stop_all
    ;;
status)
    for name in lb node1 node2; do
        pid=$(java_pid_of "$name" || true)
        if [ -z "$pid" ]; then
            echo "$name: not running"
        elif [ "$name" = lb ]; then
            echo "$name: PID $pid, $(balancer_serves && echo serving || echo 'not serving yet')"
        else
            echo "$name: PID $pid, $(node_ready "$name" && echo ready || echo 'not ready')"
        fi
    done
    ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
