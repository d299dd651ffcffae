"""Demo stores, products, photos and certificates for seed_demo.

Each demo store sells what it makes: a fish-sauce co-operative sells nước mắm, mắm ruốc
and dried anchovies, a honey co-operative honey, pollen and beeswax, a pottery household
vases and a pottery class; every product is in one of the OCOP groups its store declared
(its approved application lists them). Every product photo is drawn locally with Pillow
(core.demo_art): the product's own bottle, jar, pouch, box, cloth, basket or vase with its
name on the label, or the place for a rural-tourism service; a second photo, on about half
of them, shows where the store makes it. Stores get a round badge as logo and a picture of
their place as banner.

Idempotent: stores are found by slug, products by (store, SKU), certificates by decision
number, pictures by title; photos and owners are only added when missing, and a picture is
only drawn when it does not exist yet, so a second run writes nothing.
"""

import datetime
from typing import NamedTuple

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import SELLERS
from core import divisions
from core.demo import demo_picture
from core.demo_art import draw_badge, draw_product, draw_scene
from core.text import fold
from marketplace.models import Category, OcopCertificate, Product, ProductPhoto, Store, StoreMember

DEMO_SELLER_PASSWORD = "ocop-ban-hang-2026"  # noqa: S105 - demo data, printed by seed_demo like the admin's

# The six OCOP product groups (slugs of the top-level categories, seeded by migration).
FOOD, DRINK, HERB = "thuc-pham", "do-uong", "thao-duoc"
CLOTH, CRAFT, TOUR = "vai-may-mac", "luu-niem-noi-that-trang-tri", "dich-vu-du-lich-nong-thon"


class DemoProduct(NamedTuple):
    name: str
    unit: str  # marketplace.models.Unit value
    price: int  # đồng
    group: str
    stars: int  # its OCOP certificate's stars; 0: no certificate yet
    look: str  # how its photo is drawn: "shape:colour/extra" (core.demo_art.draw_product)


class DemoStore(NamedTuple):
    slug: str
    name: str
    province: str
    producer: str
    groups: tuple[str, ...]  # the OCOP groups it declared; its products are in these only
    story: str
    brand: str  # printed on its labels and its badge
    trade: str  # on its badge
    colour: str  # its badge's colour (core.demo_art.PALETTE)
    scene: str  # its place, for the banner and second photos (core.demo_art.SCENES)
    products: tuple[DemoProduct, ...]


P = DemoProduct
STORES = [
    DemoStore("htx-nuoc-mam-sa-huynh", "HTX Nước mắm Sa Huỳnh", "Quảng Ngãi", "cooperative", (FOOD,),
              "Làng nghề nước mắm Sa Huỳnh ủ cá cơm với muối biển trong thùng gỗ từ 12 đến 18 tháng.",
              "Sa Huỳnh", "Nước mắm", "amber", "sea", (
                  P("Nước mắm cá cơm Sa Huỳnh 40 độ đạm", "chai", 95_000, FOOD, 4, "bottle:amber"),
                  P("Nước mắm nhĩ Sa Huỳnh 60 độ đạm", "chai", 185_000, FOOD, 5, "bottle:maroon"),
                  P("Nước mắm nấu ăn 30 độ đạm", "lít", 60_000, FOOD, 3, "jug:amber"),
                  P("Mắm ruốc Sa Huỳnh", "hũ", 55_000, FOOD, 3, "jar:paste"),
                  P("Mắm nêm cá cơm", "hũ", 45_000, FOOD, 0, "jar:brown"),
                  P("Cá cơm khô Sa Huỳnh 250 g", "gói", 85_000, FOOD, 4, "pouch:teal/fish"),
                  P("Mực một nắng Sa Huỳnh", "kg", 480_000, FOOD, 0, "tray:sky/squid"),
                  P("Muối hạt Sa Huỳnh 1 kg", "túi", 20_000, FOOD, 3, "sack:sky/salt"),
              )),
    DemoStore("hkd-me-xung-hue", "Hộ kinh doanh Mè xửng Thiên Hương", "Huế", "household", (FOOD,),
              "Ba thế hệ làm mè xửng và kẹo gừng bên bờ sông Hương, theo công thức của bà nội.",
              "Thiên Hương", "Mè xửng Huế", "red", "river-town", (
                  P("Mè xửng dẻo Thiên Hương hộp 250 g", "hộp", 45_000, FOOD, 4, "box:red/border"),
                  P("Mè xửng giòn hộp 200 g", "hộp", 40_000, FOOD, 3, "box:gold/border"),
                  P("Kẹo gừng Huế", "gói", 35_000, FOOD, 0, "pouch:orange/ginger"),
                  P("Kẹo mè đen Huế", "gói", 32_000, FOOD, 3, "pouch:black/candy"),
                  P("Mứt gừng Huế", "hộp", 60_000, FOOD, 0, "box:orange/plain"),
                  P("Hộp quà mè xửng ba vị", "hộp", 120_000, FOOD, 4, "box:maroon/border"),
              )),
    DemoStore("htx-tra-cung-dinh-hue", "HTX Trà cung đình Huế", "Huế", "cooperative", (DRINK, HERB),
              "Trà thảo mộc phối theo bài thuốc cung đình, hái và sấy tại vườn ở Hương Trà.",
              "Cung đình Huế", "Trà", "gold", "tea-hills", (
                  P("Trà cung đình Huế 20 vị", "hộp", 120_000, DRINK, 4, "box:gold/border"),
                  P("Trà sen cung đình", "hộp", 260_000, DRINK, 5, "box:pink/border"),
                  P("Trà vả Huế", "hộp", 70_000, DRINK, 3, "box:green/plain"),
                  P("Trà hoa cúc vàng", "túi", 95_000, DRINK, 0, "pouch:gold/mums"),
                  P("Trà thảo mộc an thần", "hộp", 110_000, HERB, 3, "box:purple/plain"),
                  P("Dầu tràm Huế 50 ml", "chai", 75_000, HERB, 4, "vial:green"),
                  P("Túi chườm thảo mộc", "cái", 150_000, HERB, 0, "pouch:kraft/leaves"),
              )),
    DemoStore("htx-de-nui-ninh-binh", "HTX Đặc sản Cố đô Ninh Bình", "Ninh Bình", "cooperative", (FOOD, TOUR),
              "Thịt dê núi, cơm cháy và homestay giữa vùng núi đá vôi Tràng An.",
              "Cố đô Ninh Bình", "Đặc sản", "maroon", "karst", (
                  P("Thịt dê núi Ninh Bình", "kg", 320_000, FOOD, 3, "tray:maroon/meat"),
                  P("Thịt dê hun khói", "kg", 520_000, FOOD, 4, "tray:brown/smoked"),
                  P("Cơm cháy chà bông Ninh Bình", "gói", 55_000, FOOD, 4, "pouch:orange/crisps"),
                  P("Gạo tám thơm Ninh Bình 5 kg", "túi", 150_000, FOOD, 0, "sack:green/rice"),
                  P("Homestay Tràng An một đêm", "suất", 650_000, TOUR, 3, "scene:homestay"),
                  P("Chèo thuyền Tam Cốc – Bích Động", "suất", 200_000, TOUR, 4, "scene:boat"),
                  P("Tour đạp xe làng quê Hoa Lư", "suất", 350_000, TOUR, 0, "scene:bike"),
              )),
    DemoStore("cong-ty-coi-ninh-binh", "Công ty Thủ công Cói Kim Sơn", "Ninh Bình", "enterprise", (CRAFT,),
              "Hơn 200 thợ đan cói tại Kim Sơn làm thảm, giỏ và đồ trang trí xuất khẩu.",
              "Cói Kim Sơn", "Thủ công cói", "olive", "sedge", (
                  P("Giỏ cói đan tay có quai", "cái", 180_000, CRAFT, 4, "basket:straw"),
                  P("Thảm cói tròn 60 cm", "cái", 250_000, CRAFT, 3, "mat:straw"),
                  P("Bộ 3 hộp cói đựng đồ", "bộ", 220_000, CRAFT, 0, "basket:kraft/open"),
                  P("Túi cói đi biển", "cái", 210_000, CRAFT, 4, "tote:straw"),
                  P("Đèn cói trang trí", "cái", 340_000, CRAFT, 3, "basket:straw/lamp"),
                  P("Khay cói đựng trà", "cái", 130_000, CRAFT, 0, "basket:sand/open"),
              )),
    DemoStore("htx-que-tra-bong", "HTX Quế Trà Bồng", "Quảng Ngãi", "cooperative", (HERB, FOOD),
              "Quế được bóc vỏ trên rừng Trà Bồng, sấy khô tự nhiên và chưng cất tinh dầu.",
              "Quế Trà Bồng", "Quế", "brown", "forest", (
                  P("Tinh dầu quế Trà Bồng 10 ml", "chai", 140_000, HERB, 4, "vial:brown"),
                  P("Quế thanh Trà Bồng sấy khô", "gói", 60_000, FOOD, 3, "pouch:kraft/sticks"),
                  P("Bột quế nguyên chất", "hũ", 70_000, FOOD, 3, "jar:brown"),
                  P("Xà phòng quế thủ công", "cái", 45_000, HERB, 0, "bar:brown"),
                  P("Nhang quế không hoá chất", "hộp", 55_000, HERB, 3, "box:maroon/plain"),
                  P("Quế chẻ gia vị 500 g", "túi", 90_000, FOOD, 0, "sack:brown/sticks"),
                  P("Túi thơm vỏ quế", "cái", 35_000, HERB, 0, "pouch:red/sticks"),
              )),
    DemoStore("htx-mat-ong-bac-ha", "HTX Mật ong Bạc Hà", "Lào Cai", "cooperative", (FOOD, HERB),
              "Đàn ong nuôi trên cao nguyên Bắc Hà, lấy mật hoa bạc hà mùa đông; "
              "phấn hoa, sữa ong chúa và sáp ong từ cùng những đàn ong ấy.",
              "Bạc Hà", "Mật ong", "honey", "bees", (
                  P("Mật ong hoa bạc hà 500 ml", "chai", 220_000, FOOD, 5, "bottle:honey"),
                  P("Mật ong bạc hà hũ 250 g", "hũ", 120_000, FOOD, 4, "jar:honey"),
                  P("Phấn hoa ong Bắc Hà", "hũ", 190_000, FOOD, 3, "jar:orange/small"),
                  P("Sữa ong chúa tươi", "lọ", 250_000, HERB, 0, "jar:cream/small"),
                  P("Keo ong nguyên chất", "chai", 260_000, HERB, 3, "vial:amber"),
                  P("Sáp ong nguyên chất", "cái", 80_000, HERB, 0, "bar:honey"),
                  P("Son dưỡng môi sáp ong", "cái", 60_000, HERB, 4, "jar:pink/small"),
              )),
    DemoStore("hkd-tho-cam-sa-pa", "Hộ kinh doanh Thổ cẩm Tả Van", "Lào Cai", "household", (CLOTH,),
              "Phụ nữ người Mông dệt vải lanh và nhuộm chàm bằng tay.",
              "Tả Van", "Thổ cẩm", "indigo", "terraces", (
                  P("Khăn choàng thổ cẩm", "cái", 320_000, CLOTH, 4, "cloth:red/brocade"),
                  P("Túi thổ cẩm thêu tay", "cái", 260_000, CLOTH, 3, "tote:black/cloth"),
                  P("Váy lanh nhuộm chàm", "cái", 890_000, CLOTH, 4, "garment:indigo/indigo-dress"),
                  P("Ví thổ cẩm nhỏ", "cái", 95_000, CLOTH, 0, "tote:red/cloth"),
                  P("Vỏ gối thổ cẩm", "cái", 210_000, CLOTH, 3, "cloth:black/brocade"),
                  P("Khăn lanh nhuộm chàm", "cái", 180_000, CLOTH, 0, "cloth:indigo/indigo"),
              )),
    DemoStore("cong-ty-ca-phe-buon-ma-thuot", "Công ty Cà phê Ea Tu", "Đắk Lắk", "enterprise", (DRINK,),
              "Cà phê Robusta chín đỏ, rang mộc tại Buôn Ma Thuột.",
              "Ea Tu", "Cà phê", "coffee", "coffee", (
                  P("Cà phê Robusta rang mộc 500 g", "gói", 150_000, DRINK, 5, "pouch:coffee/beans"),
                  P("Cà phê Robusta Honey hạt 500 g", "gói", 180_000, DRINK, 4, "pouch:red/beans"),
                  P("Cà phê bột pha phin 500 g", "gói", 120_000, DRINK, 3, "pouch:black/powder"),
                  P("Cà phê phin giấy hộp 10 gói", "hộp", 95_000, DRINK, 3, "box:coffee/plain"),
                  P("Cà phê hoà tan 3 trong 1", "hộp", 65_000, DRINK, 0, "box:red/plain"),
                  P("Cà phê Culi rang xay 250 g", "túi", 110_000, DRINK, 0, "pouch:kraft/powder"),
              )),
    DemoStore("htx-lua-tan-chau", "HTX Lụa Tân Châu", "An Giang", "cooperative", (CLOTH,),
              "Lụa mỹ a nhuộm trái mặc nưa, dệt trên khung cửi ở Tân Châu.",
              "Tân Châu", "Lụa", "black", "silk", (
                  P("Khăn lụa tơ tằm Tân Châu", "cái", 450_000, CLOTH, 5, "cloth:teal/silk"),
                  P("Xấp lụa mỹ a 2 mét", "cái", 760_000, CLOTH, 4, "cloth:black/silk"),
                  P("Áo bà ba lụa mỹ a", "cái", 1_250_000, CLOTH, 4, "garment:black/silk"),
                  P("Quần lụa mỹ a", "cái", 690_000, CLOTH, 3, "cloth:maroon/silk"),
                  P("Khăn tay lụa thêu sen", "cái", 150_000, CLOTH, 0, "cloth:pink/silk"),
                  P("Khăn quàng lụa tơ tằm", "cái", 380_000, CLOTH, 0, "cloth:gold/silk"),
              )),
    DemoStore("htx-atiso-da-lat", "HTX Atiso Đà Lạt", "Lâm Đồng", "cooperative", (DRINK, HERB),
              "Atiso trồng trên đất đỏ bazan Đà Lạt, chế biến thành trà và cao.",
              "Đà Lạt", "Atiso", "green", "pines", (
                  P("Trà atiso túi lọc", "hộp", 85_000, DRINK, 4, "box:green/plain"),
                  P("Trà hoa atiso sấy khô", "túi", 120_000, DRINK, 3, "pouch:green/flowers"),
                  P("Nước cốt atiso", "chai", 75_000, DRINK, 3, "bottle:olive"),
                  P("Trà rễ atiso", "gói", 65_000, DRINK, 0, "pouch:kraft/leaves"),
                  P("Cao atiso Đà Lạt", "hũ", 240_000, HERB, 4, "jar:black"),
                  P("Bột lá atiso", "hũ", 110_000, HERB, 0, "jar:tea/small"),
                  P("Viên nang atiso", "lọ", 180_000, HERB, 3, "jar:white/small"),
              )),
    DemoStore("hkd-gom-hoi-an-ha-noi", "Hộ kinh doanh Gốm Bát Tràng Minh Anh", "Hà Nội", "household", (CRAFT, TOUR),
              "Xưởng gốm gia đình ở Bát Tràng, nhận khách trải nghiệm nặn gốm.",
              "Bát Tràng", "Gốm", "blue", "kilns", (
                  P("Bình gốm men lam Bát Tràng", "cái", 420_000, CRAFT, 4, "vase:white"),
                  P("Bộ ấm chén gốm men rạn", "bộ", 650_000, CRAFT, 5, "teaset:jade"),
                  P("Đĩa gốm vẽ sen", "cái", 160_000, CRAFT, 3, "plate:blue"),
                  P("Lọ hoa gốm men hoả biến", "cái", 380_000, CRAFT, 0, "vase:teal/flambe"),
                  P("Cốc gốm quai tre", "cái", 95_000, CRAFT, 3, "cup:cream"),
                  P("Trải nghiệm nặn gốm nửa ngày", "suất", 250_000, TOUR, 0, "scene:workshop"),
                  P("Tour làng gốm và vẽ men", "suất", 420_000, TOUR, 3, "scene:kilns"),
              )),
]
del P

DESCRIPTIONS = {
    FOOD: "<p>{name} làm theo cách truyền thống, không chất bảo quản. Bảo quản nơi khô ráo, thoáng mát.</p>",
    DRINK: "<p>{name}: nguyên liệu trồng và chế biến tại vùng, đóng gói kín để giữ hương vị.</p>",
    HERB: "<p>{name} từ dược liệu bản địa. <b>Không dùng thay thuốc chữa bệnh.</b></p>",
    CLOTH: "<p>{name} làm thủ công, mỗi sản phẩm có khác biệt nhỏ về hoa văn. Giặt tay nhẹ nhàng.</p>",
    CRAFT: "<p>{name} do thợ làng nghề làm bằng tay, đóng gói chống va đập khi giao.</p>",
    TOUR: "<p>{name}: đặt trước ít nhất hai ngày; giá gồm người dẫn đường địa phương.</p>",
}


def _product_photo(spec: DemoStore, product: DemoProduct):
    return demo_picture(f"Ảnh sản phẩm: {product.name} ({spec.brand})",
                        lambda: draw_product(product.name, product.look, brand=spec.brand))


def _place_photo(spec: DemoStore, province: str):
    return demo_picture(f"Ảnh cơ sở: {spec.name}", lambda: draw_scene(
        spec.scene, (800, 800), caption=spec.name, subtitle=f"Nơi làm ra sản phẩm · {province}", key=spec.slug))


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
    today, now = timezone.localdate(), timezone.now()
    made = {"stores": 0, "products": 0, "certificates": 0}
    serial = 0
    for index, spec in enumerate(STORES):
        province_code = divisions.province_code_for_name(spec.province)
        province = divisions.province_name(province_code)
        store, created = Store.objects.get_or_create(slug=spec.slug, defaults={
            "name": spec.name, "producer_type": spec.producer, "province_code": province_code,
            "ward_code": divisions.ward_choices(province_code)[index % 5][0], "street": f"Thôn {index % 4 + 1}",
            "phone": f"09{index + 10:02d}{index * 7919 % 1_000_000:06d}", "status": Store.Status.ACTIVE,
            "story": f"<p>{spec.story}</p>", "approved_at": now, "went_live_at": now,
            # Callables: drawn only when the store is created.
            "logo": lambda spec=spec, province=province: demo_picture(
                f"Logo: {spec.name}", lambda: draw_badge(spec.brand, spec.trade, spec.colour, place=province)),
            "banner": lambda spec=spec: demo_picture(
                f"Ảnh bìa: {spec.name}", lambda: draw_scene(spec.scene, (1200, 400), key=spec.slug)),
            **_demo_payout(index, spec.name),
        })
        made["stores"] += created
        _owner(index, store)
        for n, item in enumerate(spec.products):
            serial += 1
            sku = f"DEMO-{n + 1:03d}"
            product, created = Product.objects.get_or_create(store=store, sku=sku, defaults={
                "name": item.name, "slug": f"{spec.slug}-{sku.lower()}", "category": categories[item.group],
                "description": DESCRIPTIONS[item.group].format(name=item.name), "price": item.price,
                "stock": 0 if serial % 17 == 0 else 5 + serial * 7 % 60, "unit": item.unit,
                "status": Product.Status.PUBLISHED, "published_at": now - datetime.timedelta(hours=serial),
            })
            made["products"] += created
            if created:
                photos = [ProductPhoto(product=product, image=_product_photo(spec, item), alt_text=item.name)]
                if serial % 2:  # about half also show where they are made
                    photos.append(ProductPhoto(product=product, image=_place_photo(spec, province), sort_order=1,
                                               alt_text=f"Nơi làm ra {item.name}: {spec.name}, {province}"))
                ProductPhoto.objects.bulk_create(photos)
            made["certificates"] += _certificate(product, serial, today, item.stars)
    out(f"Marketplace: {len(STORES)} stores, {Product.objects.filter(sku__startswith='DEMO-').count()} demo products "
        f"({made['stores']} stores, {made['products']} products, {made['certificates']} certificates new); "
        f"sellers banhang01…{len(STORES):02d}@choso-ocop.vn / {DEMO_SELLER_PASSWORD}")


def _certificate(product: Product, serial: int, today: datetime.date, stars: int) -> int:
    """Products with stars carry a certificate: mostly verified, a few pending, one expired."""
    if not stars:
        return 0
    number = f"{1000 + serial}/QĐ-DEMO"
    if OcopCertificate.objects.filter(product=product, decision_number=number).exists():
        return 0
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
