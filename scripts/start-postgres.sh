#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests: installs Debian's server when missing,
# runs a cluster on 127.0.0.1:5432 and creates the database armswatch_test.
# Prints nothing but errors. Afterwards tests use
#   ARMSWATCH_TEST_PG=postgresql+psycopg://armswatch:armswatch@127.0.0.1:5432/armswatch_test
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq >/dev/null
    as_root apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    as_root pg_createcluster "$version" main -p 5432 >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' \
        | grep -q .; then
    as_root pg_ctlcluster "$version" main start -o "-c listen_addresses=127.0.0.1" >/dev/null
fi

for _ in $(seq 1 30); do
    as_root su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
    sleep 0.5
done

# Over the local socket: peer authentication as the postgres system user.
psql_admin() { as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -p 5432 -At -c \"$1\""; }
if [ -z "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'armswatch'")" ]; then
    psql_admin "CREATE ROLE armswatch LOGIN SUPERUSER PASSWORD 'armswatch'" >/dev/null
fi
if [ -z "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'armswatch_test'")" ]; then
    psql_admin "CREATE DATABASE armswatch_test OWNER armswatch" >/dev/null
fi
