"""PostgreSQL only: trigram GIN indexes so `LIKE '% word%'` on the folded text uses an
index instead of reading the whole table (100,000 products). SQLite keeps the plain scan.
Skipped with a notice if the pg_trgm extension cannot be created (no privilege)."""

from django.db import migrations

INDEXES = {
    "search_entry_text_folded_trgm": "text_folded",
    "search_entry_name_folded_trgm": "name_folded",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:
            try:
                cursor.execute("SAVEPOINT trgm")
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cursor.execute("RELEASE SAVEPOINT trgm")
            except Exception as error:  # noqa: BLE001 — a missing privilege must not stop migrate
                cursor.execute("ROLLBACK TO SAVEPOINT trgm")
                print(f"\n  search: pg_trgm unavailable ({error}); the search table stays unindexed")
                return
        for name, column in INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON catalogue_search_searchentry "
                           f"USING gin ({column} gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("catalogue_search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
