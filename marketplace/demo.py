"""Demo stores, products, photos and certificates for seed_demo.

Idempotent: stores are found by slug, products by (store, SKU), certificates by decision
number; photos and owners are only added when missing. Photos come from a small pool of
images drawn locally with Pillow (core.demo.demo_image), shared between products, so a
first run takes a few seconds and a second run writes nothing.
"""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import SELLERS
from core import divisions
from core.demo import demo_image
from core.text import fold
from marketplace.models import Category, OcopCertificate, Product, ProductPhoto, Store, StoreMember

DEMO_SELLER_PASSWORD = "ocop-ban-hang-2026"  # noqa: S105 - demo data, printed by seed_demo like the admin's

# slug, name, province, producer type, groups sold, story
STORES = [
    ("htx-nuoc-mam-sa-huynh", "HTX Nước mắm Sa Huỳnh", "Quảng Ngãi", "cooperative", ["thuc-pham"],
     "Làng nghề nước mắm Sa Huỳnh ủ cá cơm với muối biển trong thùng gỗ từ 12 đến 18 tháng."),
    ("hkd-me-xung-hue", "Hộ kinh doanh Mè xửng Thiên Hương", "Huế", "household", ["thuc-pham"],
     "Ba thế hệ làm mè xửng và kẹo gừng bên bờ sông Hương, theo công thức của bà nội."),
    ("htx-tra-cung-dinh-hue", "HTX Trà cung đình Huế", "Huế", "cooperative", ["do-uong", "thao-duoc"],
     "Trà thảo mộc phối theo bài thuốc cung đình, hái và sấy tại vườn ở Hương Trà."),
    ("htx-de-nui-ninh-binh", "HTX Đặc sản Cố đô Ninh Bình", "Ninh Bình", "cooperative",
     ["thuc-pham", "dich-vu-du-lich-nong-thon"],
     "Thịt dê núi, cơm cháy và homestay giữa vùng núi đá vôi Tràng An."),
    ("cong-ty-coi-ninh-binh", "Công ty Thủ công Cói Kim Sơn", "Ninh Bình", "enterprise",
     ["luu-niem-noi-that-trang-tri"],
     "Hơn 200 thợ đan cói tại Kim Sơn làm thảm, giỏ và đồ trang trí xuất khẩu."),
    ("htx-que-tra-bong", "HTX Quế Trà Bồng", "Quảng Ngãi", "cooperative", ["thao-duoc", "thuc-pham"],
     "Quế được bóc vỏ trên rừng Trà Bồng, sấy khô tự nhiên và chưng cất tinh dầu."),
    ("htx-mat-ong-bac-ha", "HTX Mật ong Bạc Hà", "Lào Cai", "cooperative", ["thuc-pham", "thao-duoc"],
     "Đàn ong nuôi trên cao nguyên Bắc Hà, lấy mật hoa bạc hà mùa đông."),
    ("hkd-tho-cam-sa-pa", "Hộ kinh doanh Thổ cẩm Tả Van", "Lào Cai", "household", ["vai-may-mac"],
     "Phụ nữ người Mông dệt vải lanh và nhuộm chàm bằng tay."),
    ("cong-ty-ca-phe-buon-ma-thuot", "Công ty Cà phê Ea Tu", "Đắk Lắk", "enterprise", ["do-uong"],
     "Cà phê Robusta chín đỏ, rang mộc tại Buôn Ma Thuột."),
    ("htx-lua-tan-chau", "HTX Lụa Tân Châu", "An Giang", "cooperative", ["vai-may-mac"],
     "Lụa mỹ a nhuộm trái mặc nưa, dệt trên khung cửi ở Tân Châu."),
    ("htx-atiso-da-lat", "HTX Atiso Đà Lạt", "Lâm Đồng", "cooperative", ["do-uong", "thao-duoc"],
     "Atiso trồng trên đất đỏ bazan Đà Lạt, chế biến thành trà và cao."),
    ("hkd-gom-hoi-an-ha-noi", "Hộ kinh doanh Gốm Bát Tràng Minh Anh", "Hà Nội", "household",
     ["luu-niem-noi-that-trang-tri", "dich-vu-du-lich-nong-thon"],
     "Xưởng gốm gia đình ở Bát Tràng, nhận khách trải nghiệm nặn gốm."),
]

# Per group: (name, unit, price in đồng). Stores take products from their groups in turn.
CATALOGUE = {
    "thuc-pham": [
        ("Nước mắm cá cơm 40 độ đạm", "chai", 95_000), ("Nước mắm nhĩ truyền thống", "chai", 160_000),
        ("Mè xửng Huế hộp 250 g", "hộp", 45_000), ("Kẹo gừng Huế", "gói", 35_000),
        ("Cơm cháy chà bông Ninh Bình", "gói", 55_000), ("Thịt dê hun khói", "kg", 520_000),
        ("Mật ong hoa bạc hà", "chai", 220_000), ("Mật ong rừng nguyên chất", "hũ", 280_000),
        ("Tỏi đen Lý Sơn", "hũ", 250_000), ("Chả cá Sa Huỳnh", "kg", 180_000),
        ("Ruốc sả Huế", "hũ", 65_000), ("Bánh tráng nướng mè đen", "gói", 30_000),
        ("Quế thanh sấy khô", "gói", 60_000), ("Mắm ruốc Huế", "hũ", 50_000),
    ],
    "do-uong": [
        ("Trà cung đình Huế", "hộp", 120_000), ("Trà atiso túi lọc", "hộp", 85_000),
        ("Cà phê Robusta rang mộc", "gói", 150_000), ("Cà phê Arabica Cầu Đất", "gói", 210_000),
        ("Trà vả Huế", "hộp", 70_000), ("Rượu sim Phú Quốc", "chai", 180_000),
        ("Cao atiso", "hũ", 240_000), ("Trà sen cung đình", "hộp", 260_000),
        ("Cà phê phin giấy", "hộp", 95_000), ("Trà thảo mộc an thần", "hộp", 110_000),
        ("Nước cốt atiso", "chai", 75_000), ("Cà phê chồn Ea Tu", "gói", 650_000),
    ],
    "thao-duoc": [
        ("Tinh dầu quế Trà Bồng", "lọ", 140_000), ("Tinh dầu sả chanh", "lọ", 90_000),
        ("Trà cà gai leo", "gói", 80_000), ("Xà phòng quế thủ công", "cái", 45_000),
        ("Dầu tràm Huế", "chai", 75_000), ("Cao atiso đặc biệt", "hũ", 320_000),
        ("Bột nghệ vàng nguyên chất", "hũ", 120_000), ("Phấn hoa ong Bắc Hà", "hũ", 190_000),
        ("Túi chườm thảo mộc", "cái", 150_000), ("Trà gừng mật ong", "hộp", 95_000),
        ("Nhang quế không hoá chất", "hộp", 55_000), ("Muối ngâm chân thảo dược", "túi", 65_000),
    ],
    "vai-may-mac": [
        ("Khăn lụa tơ tằm Tân Châu", "cái", 450_000), ("Vải lụa mỹ a (mét)", "cái", 380_000),
        ("Túi thổ cẩm thêu tay", "cái", 260_000), ("Váy lanh nhuộm chàm", "cái", 890_000),
        ("Khăn choàng thổ cẩm", "cái", 320_000), ("Áo lụa tơ tằm", "cái", 1_250_000),
        ("Ví thổ cẩm nhỏ", "cái", 95_000), ("Gối tựa thổ cẩm", "cái", 210_000),
        ("Bộ khăn ăn vải lanh", "bộ", 240_000), ("Khăn tay lụa thêu sen", "cái", 150_000),
        ("Nón lá bài thơ Huế", "cái", 120_000), ("Túi tote vải bố in hoa văn", "cái", 140_000),
    ],
    "luu-niem-noi-that-trang-tri": [
        ("Giỏ cói đan tay", "cái", 180_000), ("Thảm cói tròn 60 cm", "cái", 250_000),
        ("Bình gốm men lam Bát Tràng", "cái", 420_000), ("Bộ ấm chén gốm men rạn", "bộ", 650_000),
        ("Hộp cói đựng đồ", "bộ", 220_000), ("Đĩa gốm vẽ tay", "cái", 160_000),
        ("Đèn cói trang trí", "cái", 340_000), ("Lọ hoa gốm men hỏa biến", "cái", 380_000),
        ("Túi cói đi biển", "cái", 210_000), ("Cốc gốm quai tre", "cái", 95_000),
        ("Chậu cây gốm mini", "cái", 75_000), ("Khay cói đựng trà", "cái", 130_000),
    ],
    "dich-vu-du-lich-nong-thon": [
        ("Trải nghiệm nặn gốm nửa ngày", "suất", 250_000), ("Homestay Tràng An một đêm", "suất", 650_000),
        ("Tour đạp xe làng cổ", "suất", 350_000), ("Lớp học làm bánh truyền thống", "suất", 300_000),
        ("Trải nghiệm chèo thuyền Tam Cốc", "suất", 200_000),
        ("Bữa cơm quê với gia đình làng nghề", "suất", 180_000),
        ("Tour làng gốm và vẽ men", "suất", 420_000), ("Cắm trại ven núi đá vôi", "suất", 550_000),
    ],
}

DESCRIPTIONS = {
    "thuc-pham": "<p>{name} làm theo cách truyền thống, không chất bảo quản. Bảo quản nơi khô ráo, thoáng mát.</p>",
    "do-uong": "<p>{name}: nguyên liệu trồng và chế biến tại vùng, đóng gói kín để giữ hương vị.</p>",
    "thao-duoc": "<p>{name} từ dược liệu bản địa. <b>Không dùng thay thuốc chữa bệnh.</b></p>",
    "vai-may-mac": "<p>{name} làm thủ công, mỗi sản phẩm có khác biệt nhỏ về hoa văn. Giặt tay nhẹ nhàng.</p>",
    "luu-niem-noi-that-trang-tri": "<p>{name} do thợ làng nghề làm bằng tay, đóng gói chống va đập khi giao.</p>",
    "dich-vu-du-lich-nong-thon": "<p>{name}: đặt trước ít nhất hai ngày; giá gồm người dẫn đường địa phương.</p>",
}

COLOURS = {"thuc-pham": (178, 96, 40), "do-uong": (92, 120, 60), "thao-duoc": (60, 130, 110),
           "vai-may-mac": (120, 70, 140), "luu-niem-noi-that-trang-tri": (150, 110, 70),
           "dich-vu-du-lich-nong-thon": (50, 110, 160)}

PRODUCTS_PER_STORE = [8, 6, 7, 7, 6, 7, 7, 6, 6, 6, 7, 7]  # 80 in all


def _photo_pool() -> dict[str, list]:
    pool = {}
    for slug, colour in COLOURS.items():
        pool[slug] = [demo_image(f"Ảnh mẫu {slug} {i}", colour=colour, size=(800, 800),
                                 motif="circles" if i == 1 else "squares") for i in (1, 2)]
    return pool


DEMO_STORES_WITH_PAYOUT = 9


def _owner(index: int, store: Store) -> tuple[User, bool]:
    email = f"banhang{index + 1:02d}@choso-ocop.vn"
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": f"Chủ {store.name}"})
    if created:
        user.set_password(DEMO_SELLER_PASSWORD)
        user.save()
        user.groups.add(*Group.objects.filter(name=SELLERS))
    StoreMember.objects.get_or_create(store=store, user=user, defaults={"role": StoreMember.Role.OWNER})
    return user, created


def _demo_payout(index: int, name: str) -> dict:
    """Most demo stores gave their bank account (VietQR is offered); the last few did not,
    so the demo also shows VietQR hidden and the checklist step still to do."""
    if index >= DEMO_STORES_WITH_PAYOUT:
        return {}
    return {"payout_bank_bin": "970405" if index % 2 else "970436",  # Agribank, Vietcombank
            "payout_account_number": f"10{index:02d}{index * 7919 % 1_000_000:06d}",
            "payout_account_holder": fold(name).upper()}


def seed_marketplace(out) -> None:
    categories = {c.slug: c for c in Category.objects.filter(parent=None)}
    pool = _photo_pool()
    today, now = timezone.localdate(), timezone.now()
    made = {"stores": 0, "products": 0, "certificates": 0}
    counters = dict.fromkeys(CATALOGUE, 0)
    serial = 0
    for index, (slug, name, province, producer, groups, story) in enumerate(STORES):
        province_code = divisions.province_code_for_name(province)
        store, created = Store.objects.get_or_create(slug=slug, defaults={
            "name": name, "producer_type": producer, "province_code": province_code,
            "ward_code": divisions.ward_choices(province_code)[index % 5][0], "street": f"Thôn {index % 4 + 1}",
            "phone": f"09{index + 10:02d}{index * 7919 % 1_000_000:06d}", "status": Store.Status.ACTIVE,
            "story": f"<p>{story}</p>", "approved_at": now, "went_live_at": now, "logo": demo_image(
                f"Logo {name}", colour=COLOURS[groups[0]], size=(320, 320), motif="squares"),
            **_demo_payout(index, name),
        })
        made["stores"] += created
        _owner(index, store)
        for n in range(PRODUCTS_PER_STORE[index]):
            group = groups[n % len(groups)]
            items = CATALOGUE[group]
            pname, unit, price = items[counters[group] % len(items)]
            counters[group] += 1
            serial += 1
            sku = f"DEMO-{n + 1:03d}"
            product, created = Product.objects.get_or_create(store=store, sku=sku, defaults={
                "name": pname, "slug": f"{slug}-{sku.lower()}", "category": categories[group],
                "description": DESCRIPTIONS[group].format(name=pname), "price": price,
                "stock": 0 if serial % 17 == 0 else 5 + serial * 7 % 60, "unit": unit,
                "status": Product.Status.PUBLISHED, "published_at": now - datetime.timedelta(hours=serial),
            })
            made["products"] += created
            if created:
                images = pool[group][: 1 + serial % 2]
                ProductPhoto.objects.bulk_create([ProductPhoto(product=product, image=img, alt_text=pname,
                                                               sort_order=i) for i, img in enumerate(images)])
            made["certificates"] += _certificate(product, serial, today)
    out(f"Marketplace: {len(STORES)} stores, {Product.objects.filter(sku__startswith='DEMO-').count()} demo products "
        f"({made['stores']} stores, {made['products']} products, {made['certificates']} certificates new); "
        f"sellers banhang01…{len(STORES):02d}@choso-ocop.vn / {DEMO_SELLER_PASSWORD}")


def _certificate(product: Product, serial: int, today: datetime.date) -> int:
    """About two products in three carry a certificate: mostly verified, a few pending, one expired."""
    if serial % 3 == 0:
        return 0
    number = f"{1000 + serial}/QĐ-DEMO"
    if OcopCertificate.objects.filter(product=product, decision_number=number).exists():
        return 0
    stars = 3 + (serial // 3) % 3
    expired = serial == 2
    pending = serial % 11 == 1
    decided = today - datetime.timedelta(days=(40 * 31 if expired else 60 + serial * 5))
    OcopCertificate.objects.create(
        product=product, stars=stars, score=min(100, 50 + stars * 8 + serial % 7), decision_number=number,
        decision_date=decided, issuing_authority="Bộ Nông nghiệp và Môi trường" if stars == 5
        else f"UBND {divisions.province_name(product.store.province_code)}",
        status=OcopCertificate.Status.PENDING if pending else OcopCertificate.Status.VERIFIED,
        verified_at=None if pending else timezone.now())
    return 1


def live_store_owners():
    """The owners of the live stores (the demo's trained sellers)."""
    return User.objects.filter(store_memberships__role=StoreMember.Role.OWNER,
                               store_memberships__store__status=Store.Status.ACTIVE).distinct()
