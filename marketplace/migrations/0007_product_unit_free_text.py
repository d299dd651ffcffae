"""Units of sale become free text (marketplace/units.py): OCOP also sells "tấm" mats, "bức"
paintings, "ché" jars, homestay "đêm" and "vé" tickets, which the fixed list of 12 refused.

Every existing unit was one of the 12 choices and stays as it is; the data step only writes
any other value the way the product form now stores units (trimmed, spaces collapsed,
lower-case), so no row is lost or changed in meaning. The rule is copied here, not imported,
so this migration keeps doing what it did when the code moves on.
"""

import unicodedata

from django.db import migrations, models


def normalise_units(apps, schema_editor):
    Product = apps.get_model("marketplace", "Product")
    changed = []
    for product in Product.objects.only("pk", "unit").iterator(chunk_size=2000):
        unit = " ".join(unicodedata.normalize("NFC", product.unit or "").split()).lower() or "cái"
        if unit != product.unit:
            product.unit = unit
            changed.append(product)
    Product.objects.bulk_update(changed, ["unit"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0006_store_certificates")]

    operations = [
        migrations.AlterField(
            model_name="product",
            name="unit",
            field=models.CharField(default="cái", max_length=20, verbose_name="unit"),
        ),
        migrations.RunPython(normalise_units, migrations.RunPython.noop),
    ]
