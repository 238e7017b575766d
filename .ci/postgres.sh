#!/usr/bin/env bash
# Start a PostgreSQL server for the store tests and print the URL to export as
# GONGGO_TEST_PG_URL. Installs Debian's postgresql when missing. Exits non-zero (printing
# nothing on stdout) when no server could be started.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    for try in 1 2 3; do
        { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y --no-install-recommends postgresql; } >&2 && break
        sleep $((try * 10))
    done
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=/tmp/gonggo-ci-pg
port=54329
if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_root rm -rf "$data"
    as_root install -d -o postgres -g postgres "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >&2
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/log" -w \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >&2
fi
as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='gonggo_test'" | grep -q 1 \
    || as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres gonggo_test >&2
echo "postgresql://postgres@127.0.0.1:$port/gonggo_test"
