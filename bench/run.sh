#!/usr/bin/env bash
# Drives a running Helpdesk with wrk and prints a table: per row, requests/s, p50 and p99 at each
# concurrency, errors and non-2xx answers, and the server's RSS.
#
#   bench/run.sh BASE_URL [SERVER_PID]
#   bench/run.sh http://127.0.0.1:8080
#   bench/run.sh --rows          (prints the rows' names)
#
# The server should run on a database filled by bench/generate-data.sh (the rows use its users,
# clinics and words). Settings, from the environment:
#   BENCH_WARMUP=5          seconds of warm-up before each row (at the highest concurrency)
#   BENCH_DURATION=20       seconds measured at each concurrency
#   BENCH_CONNECTIONS="1 16" the concurrency levels (wrk connections)
#   BENCH_ROWS=             only the rows whose name matches this extended regular expression
#   BENCH_TIMEOUT=30        seconds before wrk gives up on a request (counted as an error)
#   BENCH_JDBC_URL=         the server's database (jdbc:postgresql://...?user=...), to wait between
#                           runs until it has no query left and to draw ticket ids; default: read
#                           from the server's -Dhelpdesk.db.url/-Dhelpdesk.db.user
#   BENCH_SETTLE_MAX=120    seconds to wait at most for the database to fall idle between runs
#   BENCH_BACKGROUND_ROW=   the row that runs meanwhile in my-all-under-load; default: the staff row
#                           with the lowest throughput of this run (queue-all when none ran)
#   BENCH_MIN_RATIO=        off by default; e.g. 0.5: fail if a staff row's throughput at the highest
#                           concurrency is below that share of its requester row (see README)
#   BENCH_REQUESTER_DEEP_PAGE=400, BENCH_STAFF_DEEP_PAGE=2000, BENCH_RARE_WORD=printer,
#   BENCH_COMMON_WORD=please
# The server's PID (for its RSS) is the argument, or the process listening on BASE_URL's port.
# Exit status: 0 if every row answered, and only with 2xx; 1 if a row had errors (socket errors,
# timeouts), non-2xx answers or no answer within a measured run, or the ratio check failed; 2 on
# wrong usage or when the server cannot be used.
set -euo pipefail

warmup=${BENCH_WARMUP:-5}
duration=${BENCH_DURATION:-20}
read -r -a connections <<<"${BENCH_CONNECTIONS:-1 16}"
row_filter=${BENCH_ROWS:-}
timeout=${BENCH_TIMEOUT:-30}
settle_max=${BENCH_SETTLE_MAX:-120}
min_ratio=${BENCH_MIN_RATIO:-}
requester_deep_page=${BENCH_REQUESTER_DEEP_PAGE:-400}
staff_deep_page=${BENCH_STAFF_DEEP_PAGE:-2000}
rare_word=${BENCH_RARE_WORD:-printer}
common_word=${BENCH_COMMON_WORD:-please}
password=demo
cores=$(nproc)
top_connections=${connections[${#connections[@]} - 1]}

# --- The rows ------------------------------------------------------------------------------------
# name | who signs in (page: a session through the login page; api: HTTP Basic) | wrk mode | path |
# the requester row a staff row is compared with by BENCH_MIN_RATIO | what runs meanwhile: the last
# row measures My Support Requests while the slowest staff row of this run (the lowest throughput at
# the highest concurrency) runs at that concurrency in a second wrk: overload must be contained
rows=(
    "my-all|page alice|get|/tickets/my-tickets|"
    "my-status-open|page alice|get|/tickets/my-tickets?status=open|"
    "my-page-1-of-25|page alice|get|/tickets/my-tickets?size=25&page=1|"
    "my-page-deep|page alice|get|/tickets/my-tickets?size=25&page=$requester_deep_page|"
    "my-q-rare|page alice|get|/tickets/my-tickets?q=$rare_word|"
    "my-q-common|page alice|get|/tickets/my-tickets?q=$common_word|"
    "api-my-all|api alice|get|/api/v1/tickets|"
    "api-my-status-open|api alice|get|/api/v1/tickets?status=open|"
    "api-my-page-1|api alice|get|/api/v1/tickets?page=1|"
    "api-my-page-deep|api alice|get|/api/v1/tickets?page=$requester_deep_page|"
    "api-my-q-rare|api alice|get|/api/v1/tickets?q=$rare_word|"
    "api-my-q-common|api alice|get|/api/v1/tickets?q=$common_word|"
    "queue-all|page mark|get|/staff/queue|my-all"
    "queue-status-open|page mark|get|/staff/queue?status=open|my-all"
    "queue-location|page mark|get|/staff/queue?location=1|my-all"
    "queue-assignee-unassigned|page mark|get|/staff/queue?assignee=unassigned|my-all"
    "queue-assignee-mine|page mark|get|/staff/queue?assignee=mine|my-all"
    "queue-assignee-olivia|page mark|get|/staff/queue?assignee=5|my-all"
    "queue-category|page mark|get|/staff/queue?category=3|my-all"
    "queue-urgency|page mark|get|/staff/queue?urgency=critical|my-all"
    "queue-due-breached|page mark|get|/staff/queue?due=breached|my-all"
    "queue-due-within-hour|page mark|get|/staff/queue?due=within_hour|my-all"
    "queue-sort-created-asc|page mark|get|/staff/queue?sort=created&dir=asc|my-all"
    "queue-sort-created-desc|page mark|get|/staff/queue?sort=created&dir=desc|my-all"
    "queue-sort-updated-asc|page mark|get|/staff/queue?sort=updated&dir=asc|my-all"
    "queue-sort-updated-desc|page mark|get|/staff/queue?sort=updated&dir=desc|my-all"
    "queue-sort-urgency-asc|page mark|get|/staff/queue?sort=urgency&dir=asc|my-all"
    "queue-sort-urgency-desc|page mark|get|/staff/queue?sort=urgency&dir=desc|my-all"
    "queue-sort-status-asc|page mark|get|/staff/queue?sort=status&dir=asc|my-all"
    "queue-sort-status-desc|page mark|get|/staff/queue?sort=status&dir=desc|my-all"
    "queue-sort-due-asc|page mark|get|/staff/queue?sort=due&dir=asc|my-all"
    "queue-sort-due-desc|page mark|get|/staff/queue?sort=due&dir=desc|my-all"
    "queue-page-1|page mark|get|/staff/queue?page=1|my-all"
    "queue-page-deep|page mark|get|/staff/queue?page=$staff_deep_page|my-all"
    "queue-q-rare|page mark|get|/staff/queue?q=$rare_word|my-all"
    "queue-q-common|page mark|get|/staff/queue?q=$common_word|my-all"
    "api-staff-all|api olivia|get|/api/v1/tickets|api-my-all"
    "api-staff-status-open|api olivia|get|/api/v1/tickets?status=open|api-my-all"
    "api-staff-requester|api olivia|get|/api/v1/tickets?userId=1|api-my-all"
    "api-staff-page-1|api olivia|get|/api/v1/tickets?page=1|api-my-all"
    "api-staff-page-deep|api olivia|get|/api/v1/tickets?page=$staff_deep_page|api-my-all"
    "api-staff-q-rare|api olivia|get|/api/v1/tickets?q=$rare_word|api-my-all"
    "api-staff-q-common|api olivia|get|/api/v1/tickets?q=$common_word|api-my-all"
    "export-csv|api olivia|get|/api/v1/tickets.csv?status=closed&locationId=1|"
    "ticket-page|page olivia|random|/tickets/view/{id}|"
    "api-ticket|api olivia|random|/api/v1/tickets/{id}|"
    "dashboard|page olivia|get|/staff/dashboard|"
    "api-create-ticket|api alice|post|/api/v1/tickets|"
    "api-post-response|api alice|cycle|/api/v1/tickets/{id}/messages|"
    "my-all-under-load|page alice|get|/tickets/my-tickets|my-all|heaviest-staff-row"
)
create_body='{"subject":"Benchmark request {n}","details":"Filed by bench/run.sh.","urgency":"medium","locationId":1}'
response_body='{"text":"A response from bench/run.sh ({n})."}'

# bench/run.sh --rows: the names of the rows, one per line (for BENCH_ROWS, and bench/compare.sh).
if [[ $# -eq 1 && $1 == --rows ]]; then
    printf '%s\n' "${rows[@]%%|*}"
    exit 0
fi

usage() {
    echo "usage: $0 BASE_URL [SERVER_PID]   (e.g. $0 http://127.0.0.1:8080)" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
base_url=${1%/}
server_pid=${2:-}
[[ $base_url =~ ^https?://([^/:]+)(:([0-9]+))?$ ]] || usage
port=${BASH_REMATCH[3]:-80}

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/jdbc.sh
source "$bench_dir/jdbc.sh"
work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT

fail() {
    echo "$*" >&2
    exit 2
}

# Debian's wrk and jq, installed when missing.
for tool in wrk jq curl; do
    if ! command -v "$tool" >/dev/null; then
        echo "Installing $tool with apt-get..."
        if [[ $(id -u) -eq 0 ]]; then
            apt-get install -y -q "$tool" >/dev/null
        else
            sudo apt-get install -y -q "$tool" >/dev/null
        fi
    fi
done

# --- The server: its PID (for the RSS) and its database -----------------------------------------

if [[ -z $server_pid ]]; then
    server_pid=$(ss -Htlnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
fi
rss_mb() {
    if [[ -n $server_pid ]] && [[ -e /proc/$server_pid ]]; then
        echo $(($(ps -o rss= -p "$server_pid") / 1024))
    else
        echo "?"
    fi
}

jdbc_url=${BENCH_JDBC_URL:-}
if [[ -z $jdbc_url && -n $server_pid && -r /proc/$server_pid/cmdline ]]; then
    server_url=$(tr '\0' '\n' <"/proc/$server_pid/cmdline" | sed -n 's/^-Dhelpdesk\.db\.url=//p' | head -1)
    server_user=$(tr '\0' '\n' <"/proc/$server_pid/cmdline" | sed -n 's/^-Dhelpdesk\.db\.user=//p' | head -1)
    if [[ -n $server_url && -n $server_user && $server_url != *user=* ]]; then
        server_url="$server_url$([[ $server_url == *\?* ]] && echo '&' || echo '?')user=$server_user"
    fi
    jdbc_url=$server_url
fi
libpq_url=
if [[ -n $jdbc_url ]] && command -v psql >/dev/null; then
    libpq_url=$(libpq_url_of "$jdbc_url") || fail "BENCH_JDBC_URL is not a PostgreSQL JDBC URL"
    database=$(database_of "$jdbc_url")
    psql "$libpq_url" -X -Atc 'SELECT 1' >/dev/null || fail "Cannot connect to the database of $jdbc_url"
else
    echo "Note: no database known (BENCH_JDBC_URL), so runs are separated by a pause of 10 s instead of" \
        "waiting for the database to fall idle, and ticket ids come from the API." >&2
fi

sql() {
    psql "$libpq_url" -X -At -v ON_ERROR_STOP=1 -c "$1"
}

# Waits until the bench database runs no query (abandoned requests included), at most settle_max s.
settle() {
    if [[ -z $libpq_url ]]; then
        sleep 10
        return
    fi
    local waited=0 busy
    while :; do
        busy=$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = '$database' AND state <> 'idle' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
        [[ $busy == 0 ]] && return
        if ((waited >= settle_max * 2)); then
            echo "  (the database still runs $busy queries after ${settle_max} s; going on)" >&2
            return
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
}

curl_ok() {
    curl -sS -o /dev/null -w '%{http_code}' "$@"
}

code=$(curl_ok "$base_url/login") || fail "No answer from $base_url"
[[ $code == 200 ]] || fail "$base_url/login answers $code, not 200"

# --- Credentials ---------------------------------------------------------------------------------

basic_header() {
    echo "Authorization: Basic $(printf '%s:%s' "$1" "$password" | base64 -w0)"
}

# Signs in through the login page as a person does (loads the form, posts it with its view state)
# and prints the session cookie header. The session id changes at sign-in: the new one is kept.
session_header() {
    local user=$1 jar="$work_dir/cookies-$1" page view_state action status
    rm -f "$jar"
    page=$(curl -sS -c "$jar" -b "$jar" "$base_url/login")
    view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
    action=$(grep -o '<form id="login"[^>]*action="[^"]*"' <<<"$page" | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
    [[ -n $view_state && -n $action ]] || fail "The login page has no login form"
    status=$(curl_ok -c "$jar" -b "$jar" --data-urlencode "login=login" --data-urlencode "login:username=$user" \
        --data-urlencode "login:password=$password" --data-urlencode "login:signIn=" \
        --data-urlencode "jakarta.faces.ViewState=$view_state" "$base_url$action")
    [[ $status == 302 ]] || fail "Sign-in of $user answered $status, not 302"
    echo "Cookie: JSESSIONID=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)"
}

api_get() {
    local user=$1 path=$2
    curl -sS -f -H "$(basic_header "$user")" "$base_url$path"
}

# --- Ids for the rows that need them ------------------------------------------------------------

# Tickets Olivia (three clinics) may see, at random: from the database if known, else from the
# newest pages of her list.
ids_file_visible="$work_dir/visible-ids"
prepare_visible_ids() {
    [[ -s $ids_file_visible ]] && return
    if [[ -n $libpq_url ]]; then
        sql "SELECT t.id FROM ticket t JOIN user_location ul ON ul.location_id = t.location_id
             JOIN app_user u ON u.id = ul.user_id WHERE u.username = 'olivia'
             ORDER BY random() LIMIT 5000" >"$ids_file_visible"
    else
        local page
        for page in 1 2 3 4 5; do
            api_get olivia "/api/v1/tickets?limit=100&page=$page" | jq -r '.items[].id' >>"$ids_file_visible"
        done
    fi
    [[ -s $ids_file_visible ]] || fail "No ticket visible to olivia: is the database generated?"
}

# Alice's open tickets, to post responses to (a response to an open ticket leaves it open).
ids_file_open="$work_dir/open-ids"
prepare_open_ids() {
    [[ -s $ids_file_open ]] && return
    local page
    for page in 1 2 3 4 5; do
        api_get alice "/api/v1/tickets?status=open&limit=100&page=$page" | jq -r '.items[].id' >>"$ids_file_open"
    done
    [[ -s $ids_file_open ]] || fail "Alice has no open ticket: is the database generated?"
}

# Runs wrk once; prints "requests/s p50_us p99_us errors non2xx codes".
run_wrk() {
    local seconds=$1 clients=$2 header=$3 mode=$4 path=$5 ids=$6 body=$7 threads output
    threads=$((clients < cores ? clients : cores))
    output=$(wrk -t "$threads" -c "$clients" -d "${seconds}s" --timeout "${timeout}s" -H "$header" \
        -s "$bench_dir/request.lua" "$base_url" -- "$mode" "$path" "$threads" "$ids" "$body" 2>&1) || {
        echo "wrk failed: $output" >&2
        return 1
    }
    local result
    result=$(grep '^BENCH_RESULT' <<<"$output") || {
        echo "wrk printed no result: $output" >&2
        return 1
    }
    local -A value
    local field
    # shellcheck disable=SC2086 # the result is fields separated by spaces, split on purpose
    for field in ${result#BENCH_RESULT }; do
        value[${field%%=*}]=${field#*=}
    done
    local rps
    rps=$(awk -v n="${value[requests]}" -v us="${value[duration_us]}" 'BEGIN { printf "%.1f", (us > 0 ? n * 1e6 / us : 0) }')
    echo "$rps ${value[p50_us]} ${value[p99_us]} $((value[socket_errors] + value[timeouts])) ${value[non2xx]} ${value[codes]}"
}

# 12.3 ms, 845 ms, 3.40 s; "-" when nothing was answered.
format_latency() {
    awk -v us="$1" -v n="$2" 'BEGIN {
        if (n == 0) { print "-"; exit }
        ms = us / 1000
        if (ms < 10) printf "%.1f ms", ms; else if (ms < 1000) printf "%d ms", ms; else printf "%.2f s", ms / 1000 }'
}

# --- The run -------------------------------------------------------------------------------------

tickets="?"
[[ -n $libpq_url ]] && tickets=$(sql "SELECT count(*) FROM ticket")
echo "Helpdesk benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $base_url, ${tickets} tickets${database:+ (database $database)}"
echo "wrk: ${warmup} s warm-up at c=$top_connections, then ${duration} s at each c in (${connections[*]}), keep-alive," \
    "timeout ${timeout} s; $cores cores; server PID ${server_pid:-?}, RSS $(rss_mb) MB"
echo

header="| row |"
rule="| --- |"
for c in "${connections[@]}"; do
    header+=" c=$c req/s | c=$c p50 | c=$c p99 |"
    rule+=" ---: | ---: | ---: |"
done
header+=" errors | non-2xx |"
rule+=" ---: | ---: |"
if [[ -n $min_ratio ]]; then
    header+=" ratio (min $min_ratio) |"
    rule+=" ---: |"
fi
echo "$header"
echo "$rule"

declare -A top_rps
failures=()
ratio_failures=()
peak_rss=$(rss_mb)
measured=0

declare -A row_of
for row in "${rows[@]}"; do
    row_of[${row%%|*}]=$row
done

# The staff row of this run with the lowest throughput at the highest concurrency, if any ran.
heaviest_staff_row() {
    local name heaviest= lowest=
    for name in "${!top_rps[@]}"; do
        [[ $name == queue-* || $name == api-staff-* ]] || continue
        if [[ -z $lowest ]] || awk -v a="${top_rps[$name]}" -v b="$lowest" 'BEGIN { exit !(a < b) }'; then
            heaviest=$name
            lowest=${top_rps[$name]}
        fi
    done
    echo "${heaviest:-queue-all}"
}

# Starts the given row in a second wrk at the highest concurrency for the given seconds, in this
# shell (so that it can be waited for); its PID in background_pid.
start_background_row() {
    local row=${row_of[$1]} seconds=$2 name who mode path kind user auth
    IFS='|' read -r name who mode path _ <<<"$row"
    read -r kind user <<<"$who"
    if [[ $kind == page ]]; then auth=$(session_header "$user"); else auth=$(basic_header "$user"); fi
    run_wrk "$seconds" "$top_connections" "$auth" "$mode" "$path" "" "" >"$work_dir/background-$name" 2>&1 &
    background_pid=$!
}

for row in "${rows[@]}"; do
    IFS='|' read -r name who mode path reference meanwhile <<<"$row"
    if [[ -n $row_filter ]] && ! grep -Eq -- "$row_filter" <<<"$name"; then
        continue
    fi
    measured=$((measured + 1))
    read -r kind user <<<"$who"
    if [[ $kind == page ]]; then
        auth=$(session_header "$user")
    else
        auth=$(basic_header "$user")
    fi
    ids=
    body=
    case $mode in
        random)
            prepare_visible_ids
            ids=$ids_file_visible
            ;;
        post) body=$create_body ;;
        cycle)
            prepare_open_ids
            ids=$ids_file_open
            body=$response_body
            ;;
    esac

    settle
    background=
    if [[ $meanwhile == heaviest-staff-row ]]; then
        background=${BENCH_BACKGROUND_ROW:-$(heaviest_staff_row)}
        start_background_row "$background" $((warmup + duration * ${#connections[@]} + 2))
        sleep 1
    fi
    run_wrk "$warmup" "$top_connections" "$auth" "$mode" "$path" "$ids" "$body" >/dev/null || true
    line="| $name${background:+ (while $background runs at c=$top_connections)} |"
    errors=0
    non2xx=0
    unanswered=0
    codes=
    for c in "${connections[@]}"; do
        [[ -z $background ]] && settle
        if ! result=$(run_wrk "$duration" "$c" "$auth" "$mode" "$path" "$ids" "$body"); then
            result="0 0 0 1 0 wrk-failed"
        fi
        read -r rps p50 p99 run_errors run_non2xx run_codes <<<"$result"
        answered=$(awk -v r="$rps" 'BEGIN { print (r > 0 ? 1 : 0) }')
        if ((answered)); then
            line+=" $rps | $(format_latency "$p50" 1) | $(format_latency "$p99" 1) |"
        else
            line+=" **no answer in ${duration} s** | - | - |"
            unanswered=1
        fi
        errors=$((errors + run_errors))
        non2xx=$((non2xx + run_non2xx))
        [[ $run_codes != - ]] && codes+="${codes:+; }c=$c: $run_codes"
        top_rps[$name]=$rps
    done
    if [[ -n $background ]]; then
        wait "$background_pid" || true
    fi
    line+=" $errors | $non2xx${codes:+ ($codes)} |"
    if ((errors > 0 || non2xx > 0 || unanswered)); then
        failures+=("$name")
    fi
    if [[ -n $min_ratio ]]; then
        if [[ -z $reference ]]; then
            line+=" |"
        elif [[ -z ${top_rps[$reference]:-} ]]; then
            line+=" no $reference row |"
            ratio_failures+=("$name (its reference row $reference was not measured)")
        else
            ratio=$(awk -v a="${top_rps[$name]}" -v b="${top_rps[$reference]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
            if awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { exit !(r < m) }'; then
                line+=" **$ratio** |"
                ratio_failures+=("$name: $ratio x $reference")
            else
                line+=" $ratio |"
            fi
        fi
    fi
    echo "$line"
    rss=$(rss_mb)
    [[ $rss != "?" && $peak_rss != "?" && $rss -gt $peak_rss ]] && peak_rss=$rss
done
settle

echo
echo "Server RSS: $(rss_mb) MB at the end, $peak_rss MB at most between rows."
((measured > 0)) || fail "No row matches BENCH_ROWS='$row_filter'."
status=0
if ((${#failures[@]} > 0)); then
    echo "FAILED: errors, non-2xx answers or no answer at all in: ${failures[*]}"
    status=1
fi
if [[ -n $min_ratio ]]; then
    if ((${#ratio_failures[@]} > 0)); then
        echo "FAILED ratio check (each staff row at c=$top_connections >= $min_ratio x its requester row):"
        printf '  %s\n' "${ratio_failures[@]}"
        status=1
    else
        echo "Ratio check passed: every staff row at c=$top_connections >= $min_ratio x its requester row."
    fi
fi
exit $status
