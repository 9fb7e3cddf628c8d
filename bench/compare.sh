#!/usr/bin/env bash
# Every benchmark row at two sizes in one run, and the scale targets checked on the ratios:
#
#   bench/compare.sh [SMALL [LARGE]]          (default: 10000 1000000)
#   BENCH_WARMUP=2 BENCH_DURATION=5 bench/compare.sh
#   BENCH_ROWS='^(my-all|queue-)' bench/compare.sh 10000 100000     (a few rows)
#
# 1. Two fresh databases, helpdesk_bench_SMALL and helpdesk_bench_LARGE, filled by
#    bench/generate-data.sh (with BENCH_COMPARE_REUSE=1 a database that already holds at least its
#    size of tickets is kept as it is, so that a second run can skip the generation).
# 2. Two servers, one on each, on the production configuration: port offsets 600 (SMALL, HTTP 8680)
#    and 700 (LARGE, HTTP 8780). Both run for the whole comparison.
# 3. After a warm-up of both servers, the rows of bench/run.sh one by one, each first on SMALL at c=16, then on LARGE at c=1 and
#    c=16: a row's two figures are measured minutes apart under the same load of the machine, so
#    their ratio means something even where other work runs. run.sh lets the database fall idle
#    after each row. My Support Requests under load runs beside the staff row that was slowest on
#    LARGE, on both sizes.
# 4. A table of both sizes and their ratio, then the targets of the scale work (README
#    "Performance"): every row at LARGE >= 0.8 x SMALL at c=16; every queue row >= 0.7 x
#    My Support Requests and every staff API row >= 0.7 x the requester's API list at LARGE; a
#    search's p99 at c=1 within 2 x the same list without search; My Support Requests under load
#    >= 0.5 x alone; no errors.
#
# Exit status 0 when every target is met, 1 when one is missed or a row failed, 2 when the run
# could not be made. The servers are stopped by their PIDs and the databases dropped afterwards
# (BENCH_COMPARE_KEEP=1 keeps the databases). Needs the build's output (./mvnw package -DskipTests),
# psql, wrk and PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

small=${1:-10000}
large=${2:-1000000}
[[ $small =~ ^[1-9][0-9]*$ && $large =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SMALL [LARGE]]" >&2; exit 2; }
export BENCH_WARMUP=${BENCH_WARMUP:-5} BENCH_DURATION=${BENCH_DURATION:-20}

# shellcheck source=bench/server.sh
source bench/server.sh

declare -A database=([small]=helpdesk_bench_$small [large]=helpdesk_bench_$large)
declare -A tickets=([small]=$small [large]=$large)
declare -A offset=([small]=600 [large]=700)
declare -A pid=([small]= [large]=)
declare -A connections=([small]=16 [large]="1 16")
jdbc_url_of() {
    echo "jdbc:postgresql://127.0.0.1:5432/${database[$1]}?user=postgres"
}
base_url_of() {
    echo "http://127.0.0.1:$((8080 + ${offset[$1]}))"
}
admin_sql() {
    psql -h 127.0.0.1 -U postgres -d postgres -X -q -At -v ON_ERROR_STOP=1 -c "$1"
}

cleanup() {
    stop_bench_server "${pid[small]}"
    stop_bench_server "${pid[large]}"
    if [[ ${BENCH_COMPARE_KEEP:-} != 1 ]]; then
        admin_sql "DROP DATABASE IF EXISTS ${database[small]} WITH (FORCE)" || true
        admin_sql "DROP DATABASE IF EXISTS ${database[large]} WITH (FORCE)" || true
    fi
}
trap cleanup EXIT

for size in small large; do
    held=0
    if [[ ${BENCH_COMPARE_REUSE:-} == 1 ]] && [[ $(admin_sql "SELECT count(*) FROM pg_database WHERE datname = '${database[$size]}'") == 1 ]]; then
        held=$(psql -h 127.0.0.1 -U postgres -d "${database[$size]}" -X -At -c "SELECT count(*) FROM ticket" 2>/dev/null || echo 0)
    fi
    if ((held >= ${tickets[$size]})); then
        echo "== Kept ${database[$size]}: $held tickets"
    else
        echo "== ${database[$size]}: ${tickets[$size]} tickets"
        admin_sql "DROP DATABASE IF EXISTS ${database[$size]} WITH (FORCE)"
        admin_sql "CREATE DATABASE ${database[$size]}"
        bench/generate-data.sh "$(jdbc_url_of "$size")" "${tickets[$size]}" | tail -1
    fi
done

for size in small large; do
    echo "== Server on ${database[$size]} at $(base_url_of "$size")"
    start_bench_server "$PWD/target/compare-server-$size" "${offset[$size]}" "${database[$size]}" || exit 2
    pid[$size]=$bench_server_pid
done

# Both servers warmed up first on the lists and pages (BENCH_COMPARE_WARMUP seconds each, 10), so
# that the first rows measured do not pay for the JIT and the caches of a fresh server.
for size in small large; do
    BENCH_WARMUP=${BENCH_COMPARE_WARMUP:-10} BENCH_DURATION=1 BENCH_CONNECTIONS=16 \
        BENCH_ROWS='^(my-all|api-my-all|queue-all|api-staff-all|ticket-page|api-ticket)$' \
        BENCH_JDBC_URL="$(jdbc_url_of "$size")" bench/run.sh "$(base_url_of "$size")" "${pid[$size]}" >/dev/null 2>&1 || true
done

# --- The rows, each on both sizes in turn -----------------------------------------------------

# Runs one row of bench/run.sh on one size; prints its table line ("| name | figures... |").
run_row() {
    local size=$1 row=$2 output
    output=$(BENCH_ROWS="^$row\$" BENCH_CONNECTIONS="${connections[$size]}" BENCH_JDBC_URL="$(jdbc_url_of "$size")" \
        BENCH_BACKGROUND_ROW=${background_row:-} bench/run.sh "$(base_url_of "$size")" "${pid[$size]}" 2>&1) || true
    grep -m1 "^| $row " <<<"$output" || { echo "  $row on $size printed no row: $output" >&2; echo "| $row | failed |"; }
}

# The fields of a table line, trimmed, into the array named by $2 (field 0 is the name).
split_line() {
    local -n into=$2
    IFS='|' read -r -a into <<<"${1#|}"
    local i
    for i in "${!into[@]}"; do
        into[i]=$(sed 's/^ *//; s/ *$//' <<<"${into[i]}")
    done
}

# 98 ms -> 98; 3.40 s -> 3400; anything else (-, no answer) -> empty.
milliseconds() {
    awk '$2 == "ms" { print $1; exit } $2 == "s" { print $1 * 1000; exit }' <<<"$1"
}
# A requests/s figure, or 0 where the row gave no answer.
rate() {
    [[ $1 =~ ^[0-9.]+$ ]] && echo "$1" || echo 0
}

declare -A small_rps large_rps1 large_p99_1 large_rps16 line_of errors_of
background_row=
mapfile -t row_names < <(bench/run.sh --rows | grep -E -- "${BENCH_ROWS:-.}")
echo "== ${#row_names[@]} rows, each ${BENCH_WARMUP} s warm-up and ${BENCH_DURATION} s per concurrency: $small at c=16, then $large at c=1 and c=16"
for row in "${row_names[@]}"; do
    if [[ $row == my-all-under-load ]]; then
        slowest=
        for name in "${!large_rps16[@]}"; do
            [[ $name == queue-* || $name == api-staff-* ]] || continue
            if [[ -z $slowest ]] || awk -v a="${large_rps16[$name]}" -v b="${large_rps16[$slowest]}" 'BEGIN { exit !(a < b) }'; then
                slowest=$name
            fi
        done
        background_row=${slowest:-queue-all}
    fi
    split_line "$(run_row small "$row")" s
    split_line "$(run_row large "$row")" l
    # small: name rps p50 p99 errors non2xx; large: name rps p50 p99 rps p50 p99 errors non2xx
    small_rps[$row]=$(rate "${s[1]:-}")
    large_rps1[$row]=$(rate "${l[1]:-}")
    large_p99_1[$row]=$(milliseconds "${l[3]:-}")
    large_rps16[$row]=$(rate "${l[4]:-}")
    errors_of[$row]="${s[4]:-?}/${s[5]:-?} · ${l[7]:-?}/${l[8]:-?}"
    ratio=$(awk -v a="${large_rps16[$row]}" -v b="${small_rps[$row]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    line_of[$row]="| ${row}${background_row:+ (beside $background_row)} | ${s[1]:-} | ${s[3]:-} | ${l[1]:-} | ${l[3]:-} | ${l[4]:-} | ${l[6]:-} | $ratio | ${errors_of[$row]} |"
    echo "  ${line_of[$row]}"
done

# --- The table and the targets ------------------------------------------------------------------

echo
echo "Helpdesk benchmark, $small and $large tickets in one run, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores;" \
    "${BENCH_WARMUP} s warm-up, ${BENCH_DURATION} s per run, keep-alive"
echo
echo "| row | $small c=16 req/s | $small c=16 p99 | $large c=1 req/s | $large c=1 p99 | $large c=16 req/s | $large c=16 p99 | $large / $small at c=16 | errors / non-2xx ($small · $large) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for row in "${row_names[@]}"; do
    echo "${line_of[$row]}"
done
echo
echo "Server RSS at the end: $small $(($(ps -o rss= -p "${pid[small]}") / 1024)) MB, $large $(($(ps -o rss= -p "${pid[large]}") / 1024)) MB."
echo

missed=()
below() { # value minimum -> true when value < minimum
    awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'
}
for row in "${row_names[@]}"; do
    ratio=$(awk -v a="${large_rps16[$row]}" -v b="${small_rps[$row]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    below "$ratio" 0.8 && missed+=("cost grows with the data: $row at $large is $ratio x $small (target 0.8)")
    [[ ${errors_of[$row]} == "0/0 · 0/0" ]] || missed+=("errors: $row (errors/non-2xx ${errors_of[$row]})")
    case $row in
        queue-*) reference=my-all ;;
        api-staff-*) reference=api-my-all ;;
        *) reference= ;;
    esac
    if [[ -n $reference ]]; then
        ratio=$(awk -v a="${large_rps16[$row]}" -v b="${large_rps16[$reference]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        below "$ratio" 0.7 && missed+=("staff side dearer: $row at $large is $ratio x $reference (target 0.7)")
    fi
    if [[ $row =~ ^(my|api-my|queue|api-staff)-q- ]]; then
        unsearched=${BASH_REMATCH[1]}-all
        search_p99=${large_p99_1[$row]:-}
        list_p99=${large_p99_1[$unsearched]:-}
        if [[ -z $search_p99 || -z $list_p99 ]] || ! below "$search_p99" "$(awk -v p="$list_p99" 'BEGIN { print 2 * p + 0.001 }')"; then
            missed+=("search not an index lookup: $row p99 at c=1 ${search_p99:-?} ms against $unsearched ${list_p99:-?} ms (target 2 x)")
        fi
    fi
done
if [[ -n ${large_rps16[my-all-under-load]:-} ]]; then
    ratio=$(awk -v a="${large_rps16[my-all-under-load]}" -v b="${large_rps16[my-all]:-0}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    below "$ratio" 0.5 && missed+=("overload not contained: my-all-under-load is $ratio x my-all at $large (target 0.5)")
fi

if ((${#missed[@]} == 0)); then
    echo "Every target met: each row at $large >= 0.8 x $small, staff rows >= 0.7 x the requester's, searches within 2 x p99, under load >= 0.5 x, no errors."
    exit 0
fi
echo "Targets missed (${#missed[@]}):"
printf '  %s\n' "${missed[@]}"
exit 1
