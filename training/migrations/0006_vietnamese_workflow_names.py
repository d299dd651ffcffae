"""The review workflow and its task get the Vietnamese names trainers and officers read in
the admin ("Training review" → "Duyệt khoá học", "Programme officer approval" → "Cán bộ
chương trình duyệt"). Databases made after this already have them (training/setup.py)."""

from django.db import migrations

OLD_NAMES = {"Training review": "Duyệt khoá học", "Programme officer approval": "Cán bộ chương trình duyệt"}


def rename(apps, schema_editor, names):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for old, new in names.items():
        if not Workflow.objects.filter(name=new).exists():
            Workflow.objects.filter(name=old).update(name=new)
        if not Task.objects.filter(name=new).exists():
            Task.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, OLD_NAMES)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in OLD_NAMES.items()})


class Migration(migrations.Migration):

    dependencies = [
        ("training", "0005_block_labels"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
