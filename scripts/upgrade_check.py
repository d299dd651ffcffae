#!/usr/bin/env python
"""Helpers for scripts/check_upgrade.sh, run with a checkout's manage.py settings.

    upgrade_check.py counts OUT.json     every table's row count, and the user's content type
    upgrade_check.py compare OLD NEW     counts equal (tables only new code adds aside)
    upgrade_check.py signin EMAIL PASS   sign in through /accounts/login/ as a person would
"""

import json
import os
import sys

import django

# Tables whose rows a migration may add to, never take from.
GROWING = {"django_migrations", "django_content_type", "auth_permission", "auth_group_permissions"}


def setup() -> None:
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()


def counts(out: str) -> None:
    setup()
    from django.db import connection

    with connection.cursor() as cursor:
        tables = {}
        for name in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{name}"')  # noqa: S608 — names from the database itself
            tables[name] = cursor.fetchone()[0]
        cursor.execute("SELECT id FROM django_content_type WHERE model = 'user' AND app_label IN "
                       "('onboarding', 'accounts')")
        user_type = [row[0] for row in cursor.fetchall()]
    with open(out, "w") as handle:
        json.dump({"tables": tables, "user_content_type": user_type}, handle, indent=1, sort_keys=True)
    print(f"{len(tables)} tables, {sum(tables.values())} rows -> {out}")


def compare(old_path: str, new_path: str) -> int:
    old, new = (json.load(open(path)) for path in (old_path, new_path))
    problems = []
    for table, rows in sorted(old["tables"].items()):
        now = new["tables"].get(table)
        if now is None:
            problems.append(f"{table}: gone ({rows} rows before)")
        elif table in GROWING and now < rows or table not in GROWING and now != rows:
            problems.append(f"{table}: {rows} rows before, {now} after")
    if old["user_content_type"] != new["user_content_type"]:
        problems.append(f"user content type {old['user_content_type']} became {new['user_content_type']}")
    added = sorted(set(new["tables"]) - set(old["tables"]))
    same = sum(1 for t in old["tables"] if t not in GROWING and old["tables"][t] == new["tables"].get(t))
    print(f"{same} tables with the same row count; new tables: {', '.join(added) or 'none'}")
    for problem in problems:
        print(f"LOST OR CHANGED: {problem}")
    return 1 if problems else 0


def signin(email: str, password: str) -> int:
    setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    response = client.post("/accounts/login/", {"username": email, "password": password})
    dashboard = client.get("/seller/")
    print(f"sign in as {email}: {response.status_code} → {response.get('Location')}; /seller/: "
          f"{dashboard.status_code}")
    from marketplace.models import Store

    # Data the move computed: the approval a store's checklist now reads from the store itself.
    unapproved = Store.objects.filter(application__status="approved", approved_at=None).count()
    print(f"stores opened by an approved application without their approval date: {unapproved}")
    return 0 if response.status_code == 302 and dashboard.status_code == 200 and not unapproved else 1


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "counts":
        counts(*args)
    else:
        sys.exit({"compare": compare, "signin": signin}[command](*args))
