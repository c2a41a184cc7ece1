#!/usr/bin/env bash
# Runs the whole test suite: on a throwaway PostgreSQL cluster, then on SQLite.
set -uo pipefail
source "$(dirname "$0")/bootstrap.sh"
set -e
install_debian_packages postgresql chromium
ensure_venv
set +e

echo "==> lint"
.venv/bin/ruff check . && .venv/bin/ruff format --check .
lint_status=$?

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cluster=$(mktemp -d /tmp/newsroom-pg.XXXXXX)
port=$(.venv/bin/python -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$cluster"
    as_postgres() { runuser -u postgres -- "$@"; }
else
    as_postgres() { "$@"; }
fi
stop_cluster() {
    as_postgres "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$cluster"
}
trap stop_cluster EXIT

echo "==> starting PostgreSQL on 127.0.0.1:$port"
as_postgres "$pg_bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 >/dev/null \
    && as_postgres "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
        -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
if [ $? -ne 0 ]; then
    echo "PostgreSQL did not start:"; cat "$cluster/server.log" 2>/dev/null
    exit 1
fi

echo "==> tests on PostgreSQL"
DATABASE_URL="postgres://postgres@127.0.0.1:$port/newsroom" .venv/bin/python -m pytest "$@"
postgres_status=$?

echo "==> tests on SQLite"
env -u DATABASE_URL .venv/bin/python -m pytest "$@"
sqlite_status=$?

echo "==> lint: $lint_status, PostgreSQL: $postgres_status, SQLite: $sqlite_status (0 is a pass)"
[ "$lint_status" -eq 0 ] && [ "$postgres_status" -eq 0 ] && [ "$sqlite_status" -eq 0 ]
