# shellcheck shell=bash
# Sourced by the bench scripts: the one place that turns the JDBC URL the application and Flyway
# take into a libpq connection URI that psql takes.

# jdbc:postgresql://host[:port]/db[?user=...&password=...] -> postgresql://host[:port]/db[?user=...]
# Only the parameters libpq also knows are kept (user, password, sslmode); the others are the JDBC
# driver's own.
libpq_url_of() {
    local jdbc=$1
    if [[ ! $jdbc =~ ^jdbc:postgresql://([^/?]+)/([^?]+)(\?(.*))?$ ]]; then
        echo "Not a PostgreSQL JDBC URL of the form jdbc:postgresql://HOST[:PORT]/DATABASE[?user=...]: $jdbc" >&2
        return 1
    fi
    local host=${BASH_REMATCH[1]} database=${BASH_REMATCH[2]} query=${BASH_REMATCH[4]} kept=() parameter
    local IFS='&'
    for parameter in $query; do
        case ${parameter%%=*} in
            user | password | sslmode) kept+=("$parameter") ;;
        esac
    done
    local joined=${kept[*]}
    echo "postgresql://$host/$database${joined:+?$joined}"
}

# The database name of a JDBC URL.
database_of() {
    local jdbc=$1
    [[ $jdbc =~ ^jdbc:postgresql://[^/?]+/([^?]+) ]] && echo "${BASH_REMATCH[1]}"
}
