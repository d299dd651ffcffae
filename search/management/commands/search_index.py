"""manage.py search_index --rebuild | --reconcile [--kind product|store|course]"""

from django.core.management.base import BaseCommand, CommandError

from search import client, indexing, maintenance
from search.params import KINDS


class Command(BaseCommand):
    help = "Rebuild the search indices (database table, and Elasticsearch when configured) or reconcile them."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true",
                            help="Refill the database table; build new versioned Elasticsearch indices and swap "
                                 "their aliases.")
        action.add_argument("--reconcile", action="store_true", help="Repair drift between the database and indices.")
        parser.add_argument("--kind", choices=KINDS, action="append", help="Only this kind (repeatable).")

    def handle(self, *args, rebuild=False, reconcile=False, kind=None, **options):
        kinds = kind or list(KINDS)
        for name in kinds:
            if rebuild:
                count = indexing.database_rebuild(name)
                self.stdout.write(f"database: {count} {name}s")
            else:
                drift = maintenance.database_reconcile(name)
                self.stdout.write(f"database: {name}s {drift.expected} expected, {drift.indexed} indexed, "
                                  f"{drift.repaired} repaired")
        if not client.enabled():
            self.stdout.write("Elasticsearch: not configured (ELASTICSEARCH_URL is empty)")
            return
        client.reset()
        es = client.get_client()
        try:
            for name in kinds:
                if rebuild:
                    index, count = maintenance.elastic_rebuild(name, es)
                    self.stdout.write(f"elasticsearch: {count} {name}s in {index}")
                else:
                    drift = maintenance.elastic_reconcile(name, es)
                    self.stdout.write(f"elasticsearch: {name}s {drift.expected} expected, {drift.indexed} indexed, "
                                      f"{drift.repaired} repaired")
        except (*client.UNAVAILABLE, indexing.BulkError) as error:
            raise CommandError(f"Elasticsearch at {client.get_client()} failed: {error}") from error
