#!/usr/bin/env bash
# PostgreSQL and Redis for development and CI, from Debian's packages, on 127.0.0.1.
#
#   scripts/services.sh          install if missing, start, create the `test` database
#   scripts/services.sh stop     stop both
#
# Needs root (or sudo) to install and start the system services. Afterwards:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
#   CELERY_BROKER_URL=redis://127.0.0.1:6379/0
# Local connections over TCP on 127.0.0.1 and ::1 are trusted (a `trust` rule in
# pg_hba.conf, added once): this is a developer's or CI's throw-away server, never a
# production one, and it listens on loopback only.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "services.sh: needs root or sudo" >&2; exit 1; }
  SUDO="sudo"
fi

REDIS_PORT=6379
PG_PORT=5432
MARK="# choso-ocop: trust loopback (scripts/services.sh)"

install_missing() {
  local packages=()
  command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
    || packages+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
  if [ ${#packages[@]} -gt 0 ]; then
    echo "== installing ${packages[*]} from Debian"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

pg_cluster() {
  # The newest installed cluster, e.g. "15 main"; create one if the package made none.
  local line
  line=$(pg_lsclusters -h 2>/dev/null | sort -V | tail -n 1 | awk '{print $1" "$2}')
  if [ -z "$line" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    $SUDO pg_createcluster "$version" main >/dev/null
    line="$version main"
  fi
  echo "$line"
}

start_postgres() {
  local version name hba
  read -r version name < <(pg_cluster)
  hba="/etc/postgresql/$version/$name/pg_hba.conf"
  if ! $SUDO grep -qF "$MARK" "$hba"; then
    # First match wins in pg_hba.conf: the trust lines go on top.
    $SUDO sh -c "{ printf '%s\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' '$MARK'; cat '$hba'; } > '$hba.new' && mv '$hba.new' '$hba'"
    $SUDO chown postgres:postgres "$hba"
    if pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
      $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" "$name" reload
    fi
  fi
  if ! pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
    echo "== starting PostgreSQL $version"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
  fi
  for _ in $(seq 30); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { echo "PostgreSQL did not start" >&2; exit 1; }
  if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE test"
  fi
  echo "PostgreSQL $version on 127.0.0.1:$PG_PORT (database test)"
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    echo "Redis already answering on 127.0.0.1:$REDIS_PORT"
    return
  fi
  echo "== starting Redis"
  # No persistence: a development and CI broker.
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  for _ in $(seq 30); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null || { echo "Redis did not start" >&2; exit 1; }
  echo "Redis on 127.0.0.1:$REDIS_PORT"
}

stop_all() {
  local version name
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if read -r version name < <(pg_lsclusters -h 2>/dev/null | sort -V | tail -n 1 | awk '{print $1" "$2}'); then
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" "$name" stop 2>/dev/null || true
  fi
  echo "PostgreSQL and Redis stopped"
}

case "${1:-start}" in
  start)
    install_missing
    start_postgres
    start_redis
    echo
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/test"
    echo "export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0"
    ;;
  stop) stop_all ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
