#!/usr/bin/env bash
# A single-node Elasticsearch on 127.0.0.1:9200 for development, CI and the benchmarks.
#
#   scripts/elasticsearch.sh          fetch (once), start, wait until it answers
#   scripts/elasticsearch.sh stop     stop it
#   scripts/elasticsearch.sh status   say whether it answers
#
# The server is Elastic's own distribution published on Maven Central as a package,
# org.elasticsearch.distribution.integ-test-zip:elasticsearch (type zip: the server, no
# bundled JDK), fetched with Maven into var/maven and unpacked under var/elasticsearch/,
# so a second run downloads nothing. It runs on the machine's Java 17 with a 512 MB heap,
# data and logs under var/elasticsearch/node/. Elasticsearch refuses to run as root: as
# root the script creates the unprivileged system user `choso-es` and runs it as that.
set -euo pipefail
cd "$(dirname "$0")/.."

ES_VERSION="${ES_VERSION:-8.19.21}"   # keep the major version of requirements.txt's client
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-choso-es}"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"

CACHE="$PWD/var/elasticsearch"          # the downloaded zip (and var/maven): kept between runs
ROOT="$CACHE"                            # the unpacked server and the node's data and logs
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$CACHE"
  id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  if ! runuser -u "$ES_USER" -- test -x "$CACHE"; then
    # A parent folder of the checkout is closed to other users (e.g. under /root): the
    # server and its data go where the unprivileged user can reach them.
    ROOT="/var/tmp/choso-elasticsearch-$(printf '%s' "$PWD" | md5sum | cut -c1-8)"
    echo "(the checkout is closed to $ES_USER: running the server from $ROOT)"
  fi
fi
HOME_DIR="$ROOT/elasticsearch-$ES_VERSION"
NODE="$ROOT/node"
URL="http://127.0.0.1:$ES_PORT"

answers() {
  curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  local java
  java=$(readlink -f "$(command -v java)") || { echo "no java on PATH (OpenJDK 17+ needed)" >&2; exit 1; }
  dirname "$(dirname "$java")"
}

fetch() {
  [ -x "$HOME_DIR/bin/elasticsearch" ] && return
  local zip="$CACHE/dist/elasticsearch-$ES_VERSION.zip"
  if [ ! -f "$zip" ]; then
    command -v mvn >/dev/null 2>&1 || { echo "Maven (mvn) is needed to fetch Elasticsearch" >&2; exit 1; }
    echo "== fetching $ARTIFACT from Maven Central"
    mvn -B -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="$ARTIFACT" -DoutputDirectory="$CACHE/dist" \
      -Dmaven.repo.local="$PWD/var/maven"
  fi
  echo "== unpacking Elasticsearch $ES_VERSION"
  rm -rf "$ROOT/unpack"
  mkdir -p "$ROOT/unpack"
  python3 -m zipfile -e "$zip" "$ROOT/unpack"
  mv "$ROOT/unpack/elasticsearch-$ES_VERSION" "$HOME_DIR"
  rm -rf "$ROOT/unpack"
  chmod -R a+rX "$HOME_DIR"
  chmod a+x "$HOME_DIR"/bin/* "$HOME_DIR"/lib/platform/*/* 2>/dev/null || true
}

configure() {
  mkdir -p "$NODE/data" "$NODE/logs"
  if [ ! -d "$NODE/config" ]; then
    cp -r "$HOME_DIR/config" "$NODE/config"
  fi
  # The integ-test distribution carries the security module: switch it off (loopback only).
  # The disk threshold is off so a nearly full build disk does not make indices read-only.
  cat > "$NODE/config/elasticsearch.yml" <<YML
# Written by scripts/elasticsearch.sh: a throw-away single node on loopback.
cluster.name: choso-dev
node.name: choso-dev
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
path.data: $NODE/data
path.logs: $NODE/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
YML
}

as_server_user() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
    return
  fi
  chown -R "$ES_USER" "$NODE"
  if ! runuser -u "$ES_USER" -- test -r "$HOME_DIR/bin/elasticsearch"; then
    echo "user $ES_USER cannot read $HOME_DIR: a parent folder is closed to other users." >&2
    echo "Clone the project under a folder others may enter (e.g. /srv or /work), or chmod o+x its parents." >&2
    exit 1
  fi
  runuser -u "$ES_USER" -- "$@"
}

start() {
  if answers; then
    echo "Elasticsearch already answering on $URL"
    return
  fi
  fetch
  configure
  local java
  java=$(java_home)
  echo "== starting Elasticsearch $ES_VERSION (Java: $java, heap $ES_HEAP)"
  rm -f "$NODE/pid"
  as_server_user env ES_JAVA_HOME="$java" ES_PATH_CONF="$NODE/config" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$NODE/pid" >/dev/null
  for _ in $(seq 120); do
    answers && break
    sleep 1
  done
  if ! answers; then
    echo "Elasticsearch did not answer on $URL within 120 s; last log lines:" >&2
    tail -n 30 "$NODE/logs/choso-dev.log" >&2 || true
    exit 1
  fi
  echo "Elasticsearch $ES_VERSION on $URL (data in $NODE/data)"
}

stop() {
  if [ -f "$NODE/pid" ] && kill -0 "$(cat "$NODE/pid")" 2>/dev/null; then
    kill "$(cat "$NODE/pid")"
    for _ in $(seq 60); do
      kill -0 "$(cat "$NODE/pid")" 2>/dev/null || break
      sleep 1
    done
    echo "Elasticsearch stopped"
  else
    echo "Elasticsearch was not running from $NODE"
  fi
}

case "${1:-start}" in
  start)
    start
    echo
    echo "export ELASTICSEARCH_URL=$URL"
    ;;
  stop) stop ;;
  status) if answers; then echo "Elasticsearch answering on $URL"; else echo "no Elasticsearch on $URL"; exit 1; fi ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
