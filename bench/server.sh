# shellcheck shell=bash
# Sourced by the bench scripts: starts the EAR this build made on the production configuration
# (standalone-helpdesk-postgresql.xml) with a base folder of its own, and stops it by its PID.
#
#   start_bench_server BASE_DIR PORT_OFFSET DATABASE [EXTRA_JVM_ARGS...]
#       starts the server, waits until /health/ready answers (at most 180 s), and sets
#       bench_server_pid to the server's JVM; fails (return 1) when it stops or is not ready.
#   stop_bench_server PID
#       stops it (SIGTERM, then SIGKILL after 30 s).
# Needs the build's output (./mvnw package): wildfly-config/target/wildfly-* and ear/target/helpdesk.ear.

bench_project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

start_bench_server() {
    local base_dir=$1 offset=$2 database=$3
    shift 3
    local server ear management_port=$((9990 + offset)) launcher_pid
    server=$(ls -d "$bench_project_dir"/wildfly-config/target/wildfly-* 2>/dev/null | head -1 || true)
    ear=$bench_project_dir/ear/target/helpdesk.ear
    if [[ -z $server || ! -f $ear ]]; then
        echo "Build first: ./mvnw -B package -DskipTests" >&2
        return 1
    fi
    rm -rf "$base_dir"
    mkdir -p "$base_dir/deployments"
    cp -r "$server/standalone/configuration" "$base_dir/"
    cp "$ear" "$base_dir/deployments/"
    # The server's JVM itself (exec), so that its PID is the one to stop and to measure.
    (exec "$server/bin/standalone.sh" -c standalone-helpdesk-postgresql.xml -Djboss.server.base.dir="$base_dir" \
        -Djboss.socket.binding.port-offset="$offset" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Dhelpdesk.db.url="jdbc:postgresql://127.0.0.1:5432/$database" -Dhelpdesk.db.user=postgres \
        -Dhelpdesk.db.password=trust-auth-needs-none "$@" \
        >"$base_dir/console.log" 2>&1) &
    launcher_pid=$!
    bench_server_pid=
    for _ in $(seq 1 180); do
        bench_server_pid=$(pgrep -f "jboss.server.base.dir=$base_dir( |$)" | while read -r pid; do
            [[ $(ps -o comm= -p "$pid") == java ]] && echo "$pid"; done | head -1 || true)
        curl -sf "http://127.0.0.1:$management_port/health/ready" >/dev/null && return 0
        if ! kill -0 "$launcher_pid" 2>/dev/null; then
            echo "The server stopped; see $base_dir/console.log" >&2
            return 1
        fi
        sleep 1
    done
    echo "The server did not become ready in 180 s; see $base_dir/log/server.log" >&2
    return 1
}

stop_bench_server() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid"
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
}
