"""Create the platform's roles. Trainers and programme officers work in the Wagtail admin."""

from django.db import migrations

GROUPS = ("Buyers", "Sellers", "Trainers", "Programme officers")
ADMIN_GROUPS = ("Trainers", "Programme officers")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if name in ADMIN_GROUPS and access_admin:
            group.permissions.add(access_admin)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    # Moved from the onboarding app with the user: where onboarding's 0002_groups ran, this counts as done.
    replaces = [("onboarding", "0002_groups")]
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
