"""The /training/ index, Trainers' and Programme officers' permissions on it, and the
"Training review" workflow (officer approval). See training/setup.py."""

from django.db import migrations


def setup(apps, schema_editor):
    from training.setup import ensure_training_setup

    ensure_training_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("cms", "0002_site_tree"),
        ("accounts", "0002_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
