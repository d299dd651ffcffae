"""OCOP certificates belong to a store; a product is optional (a certificate carried over
from the approved application waits to be attached), and the score may be unknown.

Existing rows keep their product; their store and the product name on the certificate are
taken from that product."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_store_and_name(apps, schema_editor):
    OcopCertificate = apps.get_model("marketplace", "OcopCertificate")
    Product = apps.get_model("marketplace", "Product")
    product = Product.objects.filter(pk=OuterRef("product_id"))
    OcopCertificate.objects.filter(store__isnull=True).update(store_id=Subquery(product.values("store_id")[:1]))
    OcopCertificate.objects.filter(product_name="").update(product_name=Subquery(product.values("name")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0005_store_approved_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='ocopcertificate',
            name='store',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name='ocop_certificates', to='marketplace.store', verbose_name='store'),
        ),
        migrations.AddField(
            model_name='ocopcertificate',
            name='product_name',
            field=models.CharField(blank=True, max_length=200, verbose_name='product named on the certificate'),
        ),
        migrations.RunPython(fill_store_and_name, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='ocopcertificate',
            name='store',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ocop_certificates',
                                    to='marketplace.store', verbose_name='store'),
        ),
        migrations.AlterField(
            model_name='ocopcertificate',
            name='product',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name='certificates', to='marketplace.product', verbose_name='product'),
        ),
        migrations.RemoveConstraint(
            model_name='ocopcertificate',
            name='ocop_score_max_100',
        ),
        migrations.AlterField(
            model_name='ocopcertificate',
            name='score',
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[
                django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)],
                verbose_name='score'),
        ),
        migrations.AddConstraint(
            model_name='ocopcertificate',
            constraint=models.CheckConstraint(condition=models.Q(('score__isnull', True), ('score__lte', 100),
                                                                 _connector='OR'), name='ocop_score_max_100'),
        ),
    ]
