#!/usr/bin/env bash
# Fuzz the JSON API from its own OpenAPI schema with Schemathesis.
#
#   scripts/fuzz_api.sh                    # the default run
#   scripts/fuzz_api.sh --max-examples 500 # extra arguments go to `schemathesis run`
#
# Installs requirements-fuzz.txt into its own virtual environment (var/fuzz/venv, so the
# test suite's .venv never carries Hypothesis or Schemathesis), builds a throw-away site under var/fuzz/
# (its own SQLite database and media, migrated and seeded with `seed_demo`, like
# `make run`), serves it on a free 127.0.0.1 port, runs Schemathesis against
# http://127.0.0.1:PORT/api/v1/openapi.json and stops the server. Checks: no 5xx, every
# status code and content type documented, every response matching its schema. Exits
# non-zero when Schemathesis finds something; the server's log and a JUnit report are left
# in var/fuzz/. Nothing is written outside var/.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT="$PWD"
FUZZ="$ROOT/var/fuzz"
BIN="$FUZZ/venv/bin"

[ -x "$BIN/python" ] || python3 -m venv "$FUZZ/venv"
"$BIN/pip" install --quiet --disable-pip-version-check -r requirements-fuzz.txt

rm -rf "$FUZZ/site" "$FUZZ/report"
mkdir -p "$FUZZ/site/media" "$FUZZ/report"
export DJANGO_SETTINGS_MODULE=config.settings.dev DJANGO_DEBUG=false VAR_DIR="$FUZZ/site"
# Never a service from the caller's environment: the embedded defaults only.
unset DATABASE_URL CELERY_BROKER_URL ELASTICSEARCH_URL REDIS_URL AWS_STORAGE_BUCKET_NAME EMAIL_URL

echo "Building the demo site in $FUZZ/site …"
"$BIN/python" manage.py migrate --noinput >"$FUZZ/setup.log" 2>&1
"$BIN/python" manage.py seed_demo >>"$FUZZ/setup.log" 2>&1

PORT="$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN/python" manage.py runserver "127.0.0.1:$PORT" --noreload >"$FUZZ/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
echo "Site on http://127.0.0.1:$PORT/ (pid $SERVER_PID, log $FUZZ/server.log)"

# Run from var/fuzz/ so that anything Schemathesis or Hypothesis keeps stays there.
cd "$FUZZ"
"$BIN/schemathesis" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --wait-for-schema 60 \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --generation-database "$FUZZ/examples" \
  --report junit --report-dir "$FUZZ/report" \
  --no-color \
  "$@"
