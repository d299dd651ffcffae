"""Seed the six OCOP product groups (Decision 148/QĐ-TTg, 2023)."""

from django.db import migrations

OCOP_GROUPS = [
    ("thuc-pham", "Thực phẩm", "Nông sản, thực phẩm tươi sống, sơ chế, chế biến và gia vị."),
    ("do-uong", "Đồ uống", "Trà, cà phê, nước giải khát, rượu và đồ uống có cồn."),
    ("thao-duoc", "Thảo dược", "Sản phẩm có thành phần từ dược liệu: thực phẩm chức năng, mỹ phẩm, tinh dầu."),
    ("vai-may-mac", "Vải và may mặc", "Sản phẩm dệt, may, thêu từ bông, lanh, tơ tằm, sợi tự nhiên."),
    ("luu-niem-noi-that-trang-tri", "Lưu niệm – nội thất – trang trí",
     "Đồ thủ công mỹ nghệ, gỗ, mây tre đan, gốm sứ, đồ lưu niệm và trang trí."),
    ("dich-vu-du-lich-nong-thon", "Dịch vụ du lịch nông thôn",
     "Du lịch cộng đồng, du lịch sinh thái, điểm du lịch và dịch vụ lưu trú nông thôn."),
]


def seed(apps, schema_editor):
    Category = apps.get_model("marketplace", "Category")
    for order, (slug, name, description) in enumerate(OCOP_GROUPS, start=1):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "description": description,
                                                           "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
