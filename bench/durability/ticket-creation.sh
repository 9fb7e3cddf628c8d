#!/usr/bin/env bash
# Ticket creation (POST /api/v1/tickets as alice) on the embedded default's H2, with H2's default
# write delay of 500 ms (a commit is acknowledged before it is written) and with WRITE_DELAY=0 (the
# embedded default since issue 17: every commit is written to the file before it returns), in one
# run on one machine. Two servers, each with its own copy of the provisioned configuration that
# differs only in that setting, the built EAR and a fresh database, run side by side (port offsets
# 450 and 460); each is warmed up with wrk, then they are measured in turns, twice each, so that
# both see the same machine. Needs a build (./mvnw package) and Debian's wrk.
#
#   bench/durability/ticket-creation.sh [seconds per measurement] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_MEASURED=${1:-20}
CONNECTIONS=${2:-8}
WILDFLY=$(echo wildfly-config/target/wildfly-*/)
EAR=ear/target/helpdesk.ear
WORK=ear/target/bench-durability
LUA=bench/durability/post-ticket.lua

[ -f "$EAR" ] && [ -d "$WILDFLY" ] || { echo "Build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

declare -A WRAPPER_PID PORT
stop_servers() {
    local name java
    for name in "${!WRAPPER_PID[@]}"; do
        # The JVM is the child of standalone.sh: SIGTERM to its id shuts it down in order.
        for java in $(pgrep -P "${WRAPPER_PID[$name]}"); do kill -TERM "$java" 2>/dev/null || true; done
        wait "${WRAPPER_PID[$name]}" 2>/dev/null || true
        unset "WRAPPER_PID[$name]"
    done
}
trap stop_servers EXIT

# start NAME OFFSET SED-EXPRESSION: the provisioned configuration, its H2 URL changed by the expression.
start() {
    local name=$1 offset=$2 edit=$3 base=$WORK/$1
    rm -rf "$base" && mkdir -p "$base/deployments"
    cp -r "$WILDFLY/standalone/configuration" "$base/configuration"
    sed -i "$edit" "$base/configuration/standalone-helpdesk.xml"
    cp "$EAR" "$base/deployments/"
    JBOSS_JAVA_SIZING="-Xms256m -Xmx768m" "$WILDFLY/bin/standalone.sh" -c standalone-helpdesk.xml \
        -Djboss.server.base.dir="$PWD/$base" -Djboss.bind.address=127.0.0.1 \
        -Djboss.bind.address.management=127.0.0.1 -Djboss.socket.binding.port-offset="$offset" \
        >"$base/console.log" 2>&1 &
    WRAPPER_PID[$name]=$!
    PORT[$name]=$((8080 + offset))
    echo "== $name (port ${PORT[$name]}): $(grep -o 'jdbc:h2:[^<]*/helpdesk/helpdesk[^<]*' "$base/configuration/standalone-helpdesk.xml")"
}

await_ready() {
    local name=$1
    for _ in $(seq 300); do
        curl -sf -o /dev/null -u alice:demo "http://127.0.0.1:${PORT[$name]}/api/v1/me" && return
        sleep 1
    done
    echo "$name did not start; see $WORK/$name/console.log" >&2
    exit 1
}

run_wrk() {
    local name=$1 seconds=$2
    wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -s "$LUA" "http://127.0.0.1:${PORT[$name]}/api/v1/tickets" | tail -1
}

start write-delay-500ms 450 's/;WRITE_DELAY=0//'
start write-delay-0 460 's/;WRITE_DELAY=0//; s|\(jdbc:h2:[^<;]*/helpdesk/helpdesk\)|\1;WRITE_DELAY=0|'
await_ready write-delay-500ms
await_ready write-delay-0
for name in write-delay-500ms write-delay-0; do
    run_wrk "$name" 10 >/dev/null
done
for turn in 1 2; do
    for name in write-delay-500ms write-delay-0; do
        echo "$name, turn $turn: $(run_wrk "$name" "$SECONDS_MEASURED")"
    done
done
stop_servers
for name in write-delay-500ms write-delay-0; do
    echo "$name: H2 file after the run $(du -h "$WORK/$name/data/helpdesk/helpdesk.mv.db" | cut -f1)"
done
