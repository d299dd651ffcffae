"""Page slugs become ASCII ("bán-hàng-qua-zalo" → "ban-hang-qua-zalo"); the old addresses
of live pages redirect permanently to the new ones (core/pages.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.pages import ascii_slugs_for_existing_pages

    ascii_slugs_for_existing_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_outbox"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
