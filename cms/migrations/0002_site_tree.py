"""Replace Wagtail's placeholder root child with the programme's HomePage.

seed_demo fills the content; this only guarantees that a fresh database serves a
HomePage at / (Wagtail's own initial migration creates a bare Page there).
"""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    locale = Locale.objects.first()
    home = HomePage.objects.create(
        title="Chợ Số OCOP", draft_title="Chợ Số OCOP", slug="home", content_type=content_type,
        path="00010001", depth=2, numchild=0, url_path="/home/", locale=locale,
        hero_title="Sản phẩm OCOP, mua trực tiếp từ người làm ra",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home,
                                                                   "site_name": "Chợ Số OCOP", "port": 80})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
