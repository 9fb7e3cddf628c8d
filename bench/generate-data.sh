#!/usr/bin/env bash
# Fills an empty PostgreSQL database with the application's schema and a benchmark's worth of data:
#
#   bench/generate-data.sh JDBC_URL TICKETS
#   bench/generate-data.sh 'jdbc:postgresql://127.0.0.1:5432/helpdesk_bench?user=postgres' 1000000
#
# 1. The schema by the application's own Flyway migrations (ejb/src/main/resources/db/migration,
#    PostgreSQL's own db/postgresql, then the demo directory of db/demo), applied by the Flyway Maven plugin of bench/pom.xml with
#    the project's Flyway version and DatabaseMigration's settings: a server deployed on the
#    database later finds its schema migrated and validates it.
# 2. The data, set-based in one transaction (bench/generate-data.sql): 2,000 generated requesters,
#    TICKETS tickets with their responses and history, the sequences past every id.
#
# Needs psql and a JDK (the Maven wrapper fetches Maven). Create the database empty first, e.g.
#   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE helpdesk_bench'
set -euo pipefail

usage() {
    echo "usage: $0 JDBC_URL TICKETS" >&2
    echo "  e.g. $0 'jdbc:postgresql://127.0.0.1:5432/helpdesk_bench?user=postgres' 1000000" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
jdbc_url=$1
tickets=$2
[[ $tickets =~ ^[1-9][0-9]{0,8}$ ]] || { echo "TICKETS must be a whole number from 1 to 999999999, not '$tickets'" >&2; exit 2; }

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/jdbc.sh
source "$bench_dir/jdbc.sh"
libpq_url=$(libpq_url_of "$jdbc_url") || exit 2

command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)" >&2; exit 1; }

seconds_since() {
    echo $(($(date +%s) - $1))
}

run_psql() {
    psql "$libpq_url" -X -q -v ON_ERROR_STOP=1 "$@"
}

tables=$(run_psql -At -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") \
    || { echo "Cannot connect to $jdbc_url" >&2; exit 1; }
if [[ $tables != 0 ]]; then
    echo "The database of $jdbc_url is not empty ($tables tables): give an empty database." >&2
    exit 1
fi

started=$(date +%s)
echo "Migrating the schema (the application's Flyway migrations, PostgreSQL's own, then the demo directory)..."
"$bench_dir/../mvnw" -B -q -f "$bench_dir/pom.xml" \
    flyway:migrate@schema flyway:migrate@postgresql flyway:migrate@demo -Dflyway.url="$jdbc_url"
migrated=$(seconds_since "$started")

echo "Generating $tickets tickets..."
data_started=$(date +%s)
run_psql -v tickets="$tickets" -f "$bench_dir/generate-data.sql"
generated=$(seconds_since "$data_started")

echo
echo "Generated in $jdbc_url:"
run_psql -P footer=off <<'SQL'
SELECT 'users' AS what, count(*)::text AS how_many FROM app_user
UNION ALL SELECT 'tickets', count(*)::text FROM ticket
UNION ALL SELECT '  of alice', count(*)::text FROM ticket WHERE requester_id = 1
UNION ALL SELECT '  ' || lower(status), count(*)::text FROM (SELECT status FROM ticket) s GROUP BY status
UNION ALL SELECT '  with a category', count(*)::text FROM ticket WHERE category_id IS NOT NULL
UNION ALL SELECT '  mentioning "printer"', count(*)::text FROM ticket WHERE details LIKE '%printer%'
UNION ALL SELECT '  mentioning "please"', count(*)::text FROM ticket WHERE lower(details) LIKE '%please%'
UNION ALL SELECT '  created from', min(created_at)::text FROM ticket
UNION ALL SELECT '  created to', max(created_at)::text FROM ticket
UNION ALL SELECT 'responses', count(*)::text FROM ticket_message
UNION ALL SELECT 'history events', count(*)::text FROM ticket_event
UNION ALL SELECT 'database size', pg_size_pretty(pg_database_size(current_database()));
SQL
echo "Took $(seconds_since "$started") s: migrations $migrated s, data $generated s."
