"""Programme officers may view and revoke certificates (training/setup.py, idempotent)."""

from django.db import migrations


def setup(apps, schema_editor):
    from training.setup import ensure_training_setup

    ensure_training_setup(apps)


class Migration(migrations.Migration):
    dependencies = [("training", "0002_training_setup")]
    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
