#!/usr/bin/env bash
# Proves that a database made by an earlier version migrates forward without loss.
#
#   scripts/check_upgrade.sh [OLD_COMMIT]      default: the last commit before accounts/ existed
#
# 1. OLD_COMMIT is checked out (a git worktree under var/upgrade/old) and builds its
#    database as `make run` does — migrate, seed_demo — in var/upgrade/var (SQLite);
# 2. every table's rows are counted;
# 3. the current code migrates that same database; the counts are compared (equal, except
#    tables a migration only adds to: migrations, content types, permissions), the user's
#    content type must keep its id, and a demo seller signs in and opens /seller/.
# Exits non-zero on any difference. Uses the project's .venv (make install first).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
OLD="${1:-}"
if [ -z "$OLD" ]; then
  # The parent of the first commit that added accounts/apps.py.
  first=$(git log --diff-filter=A --format=%H -- accounts/apps.py | tail -n 1)
  OLD=$(git rev-parse "${first}^")
fi
WORK="$ROOT/var/upgrade"
rm -rf "$WORK"
git worktree prune
mkdir -p "$WORK/var/media"
git worktree add --detach "$WORK/old" "$OLD" >/dev/null
trap 'git worktree remove --force "$WORK/old" >/dev/null 2>&1 || true' EXIT
export VAR_DIR="$WORK/var" DJANGO_SETTINGS_MODULE=config.settings.dev
unset DATABASE_URL CELERY_BROKER_URL ELASTICSEARCH_URL REDIS_URL

echo "== $(git log --format='%h %s' -1 "$OLD" | cut -c1-90): migrate and seed as make run does"
(cd "$WORK/old" && "$PY" manage.py migrate --noinput -v0 && "$PY" manage.py seed_demo >/dev/null)
(cd "$WORK/old" && "$PY" "$ROOT/scripts/upgrade_check.py" counts "$WORK/before.json")

echo "== the current code ($(git log --format=%h -1 HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes')): migrate the same database"
"$PY" manage.py migrate --noinput
"$PY" scripts/upgrade_check.py counts "$WORK/after.json"
"$PY" scripts/upgrade_check.py compare "$WORK/before.json" "$WORK/after.json"
"$PY" scripts/upgrade_check.py signin banhang01@choso-ocop.vn ocop-ban-hang-2026
echo "== no row lost, the demo seller signs in"
