#!/usr/bin/env bash
# The services the indexer and cache tests talk to: PostgreSQL and Redis from Debian's packages.
#   scripts/services.sh start    install them if absent, start them, make the test role (idempotent)
#   scripts/services.sh status   say whether each answers; exit 1 if one does not
#   scripts/services.sh stop     stop both
# Tests reach them through AGORA_TEST_PG and AGORA_TEST_REDIS (the defaults below are what
# `start` sets up). The test role may only create databases: each test run makes its own.
set -euo pipefail

PG_PORT=5432
REDIS_PORT=6379
TEST_ROLE=agora_test
TEST_PASSWORD=agora_test
export AGORA_TEST_PG="${AGORA_TEST_PG:-postgres://$TEST_ROLE:$TEST_PASSWORD@127.0.0.1:$PG_PORT/postgres}"
export AGORA_TEST_REDIS="${AGORA_TEST_REDIS:-redis://127.0.0.1:$REDIS_PORT}"

# PostgreSQL refuses to run as root and apt needs root: root runs things as is, others through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
as_user() {
  local user=$1; shift
  if [ "$(id -un)" = "$user" ]; then "$@"; else as_root runuser -u "$user" -- "$@"; fi
}

install_missing() {
  local packages=()
  command -v pg_lsclusters >/dev/null && [ -n "$(ls /usr/lib/postgresql 2>/dev/null)" ] || packages+=(postgresql)
  command -v redis-server >/dev/null || packages+=(redis-server)
  [ ${#packages[@]} -eq 0 ] && return
  echo "installing ${packages[*]} from Debian's packages"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
}

# The cluster on PG_PORT ("15 main" on Debian 12); one is created when the package made none.
pg_cluster() {
  local cluster
  cluster=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }')
  if [ -z "$cluster" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    as_root pg_createcluster --port "$PG_PORT" "$version" main >/dev/null
    cluster="$version main"
  fi
  echo "$cluster"
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }
redis_ready() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 60); do
    if $check; then return 0; fi
    sleep 0.5
  done
  echo "$what did not start within 30 s; see its log under /var/log" >&2
  return 1
}

start_postgres() {
  if ! pg_ready; then
    local cluster
    cluster=$(pg_cluster)
    # pg_ctlcluster run as root starts the server as the cluster's owner (postgres).
    as_root pg_ctlcluster $cluster start
    wait_for PostgreSQL pg_ready
  fi
  # The test role, over the local socket as the postgres superuser (peer authentication).
  as_user postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$TEST_ROLE') THEN
    CREATE ROLE $TEST_ROLE LOGIN CREATEDB PASSWORD '$TEST_PASSWORD';
  END IF;
END \$\$;
SQL
}

start_redis() {
  redis_ready && return
  # No systemd here to make its runtime dir; the server runs as the redis user, on loopback only,
  # and keeps nothing on disk (tests flush what they write).
  as_root install -d -o redis -g redis /run/redis /var/log/redis
  as_user redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
    --pidfile /run/redis/agora-redis.pid --logfile /var/log/redis/redis-server.log \
    --save "" --appendonly no
  wait_for Redis redis_ready
}

status() {
  local ok=0
  if pg_ready; then echo "postgres: up ($AGORA_TEST_PG)"; else echo "postgres: down"; ok=1; fi
  if redis_ready; then echo "redis: up ($AGORA_TEST_REDIS)"; else echo "redis: down"; ok=1; fi
  return $ok
}

stop() {
  if pg_ready; then as_root pg_ctlcluster $(pg_cluster) stop; fi
  if redis_ready; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null || true; fi
  echo "postgres and redis stopped"
}

case "${1:-}" in
  start) install_missing; start_postgres; start_redis; status ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 start|status|stop" >&2; exit 2 ;;
esac
