#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: installs Debian's `postgresql` when it is
# missing (quietly, as .ci/run's chromium step does), initialises a cluster in a temporary data
# directory, starts it on 127.0.0.1 on a free port, creates a database, exports DATABASE_URL, runs the
# command, then stops the server and deletes the data directory — whatever the command's outcome.
# Exits with the command's status (or non-zero if the server could not be set up).
#
# Usage: bash .ci/postgres.sh COMMAND [ARGS...]
#   e.g. bash .ci/postgres.sh npx vitest run --project postgres
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/initdb ]] && echo "$dir"
}

if ! bin=$(pg_bin); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL is missing and installing it needs root: apt-get update && apt-get install -y postgresql" >&2
    exit 1
  fi
  log=$(mktemp)
  status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >"$log" 2>&1 || status=$?
  if ((status != 0)) || ! bin=$(pg_bin); then
    tail -n 30 "$log" >&2
    rm -f "$log"
    exit $((status == 0 ? 1 : status))
  fi
  rm -f "$log"
fi
echo "PostgreSQL: $("$bin/postgres" --version)"

# initdb and postgres refuse to run as root: as root, run them as the `postgres` user.
as_db_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

data=$(mktemp -d /tmp/ordercore-pg.XXXXXX)
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$data"; fi
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });')

stop() {
  as_db_user "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT

as_db_user "$bin/initdb" -D "$data" -U ordercore -A trust -E UTF8 --locale=C --no-sync >"$data.initdb.log" 2>&1 ||
  { cat "$data.initdb.log" >&2; rm -f "$data.initdb.log"; exit 1; }
rm -f "$data.initdb.log"
# A throwaway server: no durability needed, so no fsync; enough connections for the contention test.
if ! as_db_user "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"; then
  cat "$data/server.log" >&2 || true
  exit 1
fi
"$bin/createdb" -h 127.0.0.1 -p "$port" -U ordercore ordercore_test

export DATABASE_URL="postgres://ordercore@127.0.0.1:${port}/ordercore_test"
echo "DATABASE_URL=$DATABASE_URL"
status=0
"$@" || status=$?
exit "$status"
