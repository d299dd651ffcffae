"""The user's content type follows it from onboarding to accounts, so permissions, admin
log entries and anything else that points at it keep pointing at the same row."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="accounts", model="user").exists():
        ContentType.objects.filter(app_label="onboarding", model="user").update(app_label="accounts")


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="onboarding", model="user").exists():
        ContentType.objects.filter(app_label="accounts", model="user").update(app_label="onboarding")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(move_content_type, move_back)]
