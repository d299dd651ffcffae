"""Stores opened for an approved application record when the programme approved them
(marketplace's Store.approved_at, the first step of the go-live checklist, which used to
read the application itself)."""

from django.db import migrations


def fill(apps, schema_editor):
    SellerApplication = apps.get_model("onboarding", "SellerApplication")
    approved = (SellerApplication.objects.filter(status="approved", store__isnull=False, store__approved_at=None)
                .select_related("store"))
    for application in approved.iterator():
        store = application.store
        # An approval recorded without its time (old data): the store's creation stands in.
        store.approved_at = application.decided_at or store.created_at
        store.save(update_fields=["approved_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("onboarding", "0003_seller_applications"),
        ("marketplace", "0005_store_approved_at"),
    ]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
