"""manage.py search_index --rebuild | --reconcile | --ensure [--kind product|store|course]"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import client, indexing, maintenance
from search.documents import alias_name
from search.params import KINDS


class Command(BaseCommand):
    help = "Rebuild the search indices (database table, and Elasticsearch when configured) or reconcile them."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true",
                            help="Refill the database table; build new versioned Elasticsearch indices and swap "
                                 "their aliases.")
        action.add_argument("--reconcile", action="store_true", help="Repair drift between the database and indices.")
        action.add_argument("--ensure", action="store_true",
                            help="Build the Elasticsearch indices that do not exist yet (nothing else); `make run` "
                                 "runs it.")
        parser.add_argument("--kind", choices=KINDS, action="append", help="Only this kind (repeatable).")

    def handle(self, *args, rebuild=False, reconcile=False, ensure=False, kind=None, **options):
        kinds = kind or list(KINDS)
        if ensure:
            return self.ensure(kinds)
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
            raise CommandError(f"Elasticsearch at {settings.ELASTICSEARCH_URL} failed: {error}") from error

    def ensure(self, kinds: list[str]) -> None:
        if not client.enabled():
            return
        client.reset()
        es = client.get_client()
        try:
            for name in kinds:
                if es.indices.exists_alias(name=alias_name(name)):
                    self.stdout.write(f"elasticsearch: {alias_name(name)} ready")
                else:
                    index, count = maintenance.elastic_rebuild(name, es)
                    self.stdout.write(f"elasticsearch: {count} {name}s in {index} (new)")
        except (*client.UNAVAILABLE, indexing.BulkError) as error:
            # The site still runs: search answers from the database until the cluster does.
            self.stderr.write(f"Elasticsearch at {settings.ELASTICSEARCH_URL} did not answer ({error}); "
                              "search will use the database.")
