#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 and makes sure the ci role exists. Idempotent.
set -euo pipefail
if ! pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 60); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p 5432
exists=$(su postgres -c "psql -tAc \"select 1 from pg_roles where rolname = 'ci'\"")
if [ "$exists" != "1" ]; then
  su postgres -c "psql -c \"create role ci login superuser password 'ci'\""
fi
