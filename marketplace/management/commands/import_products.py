"""`manage.py import_products FILE --store SLUG`: the dashboard's CSV import from a shell."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.models import Store
from marketplace.services.catalogue_csv import CatalogueImportError, catalogue_import


class Command(BaseCommand):
    help = "Import (upsert by SKU) a store's products from a CSV file: all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--store", required=True, help="slug of the store")

    def handle(self, *args, file: Path, store: str, **options):
        translation.activate("vi")
        try:
            target = Store.objects.get(slug=store)
        except Store.DoesNotExist:
            raise CommandError(_("There is no store “%(slug)s”.") % {"slug": store}) from None
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": exc.strerror}) from None
        try:
            result = catalogue_import(store=target, data=data)
        except CatalogueImportError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(_("Nothing imported: %(count)s error(s).") % {"count": len(exc.errors)}) from None
        self.stdout.write(_("%(store)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.") % {
            "store": target.name, "created": result.created, "updated": result.updated,
            "unchanged": result.unchanged})
