#!/bin/sh
# A throwaway PostgreSQL cluster from Debian's postgresql package, for the
# tests and the benchmarks: its own temporary directory, its own port, a
# Unix socket in that directory, trust authentication, stopped and removed
# by `stop`. Never touches a cluster of the machine's own.
#
#   scripts/pg-cluster.sh start DIR [--durable]   prints the server's URL
#   scripts/pg-cluster.sh stop DIR                stops it and removes DIR
#
# Without --durable the cluster runs with fsync=off (tests: a crash of the
# machine is not what they test; a kill -9 of Passbook loses nothing either
# way). --durable keeps PostgreSQL's defaults (fsync on, synchronous_commit
# on): the benchmarks use it, so that every commit waits for the disk.
# As root, initdb and the server run as the postgres user (initdb refuses
# root); otherwise as the current user.
set -eu

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || {
  echo "pg-cluster: PostgreSQL server binaries missing (scripts/install-deps.sh --test)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

cmd=${1:-}; dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR [--durable]" >&2; exit 2; }

case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_owner "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  durability="-c fsync=off -c full_page_writes=off"
  [ "${3:-}" = "--durable" ] && durability="-c fsync=on"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # listen only on the socket in $dir: nothing else on the machine sees it
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-p $port -k $dir -c listen_addresses= -c max_connections=400 -c shared_buffers=64MB $durability" \
         start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      echo "postgresql://postgres@/postgres?host=$dir&port=$port"
      exit 0
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR [--durable]" >&2; exit 2 ;;
esac
