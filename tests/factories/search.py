"""A small catalogue for the search tests: products, stores and courses named as buyers
would look for them, in three provinces and three product groups."""

from dataclasses import dataclass, field

from core import divisions
from marketplace.models import Category
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory

QUANG_NGAI = divisions.province_code_for_name("Quảng Ngãi")
TUYEN_QUANG = divisions.province_code_for_name("Tuyên Quang")
LAM_DONG = divisions.province_code_for_name("Lâm Đồng")


def course_page(title: str, summary: str = "", *, live: bool = True):
    """A CoursePage under the training index (created if the tree has none), published."""
    from wagtail.models import Page

    from training.models import CoursePage, TrainingIndexPage

    index = TrainingIndexPage.objects.first()
    if index is None:
        home = Page.objects.get(depth=2)
        index = home.add_child(instance=TrainingIndexPage(title="Đào tạo", slug="training"))
    course = index.add_child(instance=CoursePage(title=title, summary=summary, live=False))
    if live:
        course.save_revision().publish()
        course.refresh_from_db()
    return course


@dataclass
class Catalogue:
    stores: dict = field(default_factory=dict)
    products: dict = field(default_factory=dict)
    courses: dict = field(default_factory=dict)


def catalogue(*, with_courses: bool = True) -> Catalogue:
    food = Category.objects.get(slug="thuc-pham")
    drinks = Category.objects.get(slug="do-uong")
    herbs = Category.objects.get(slug="thao-duoc")
    c = Catalogue()
    c.stores["sa_huynh"] = StoreFactory(name="Hợp tác xã Nước mắm Sa Huỳnh", slug="htx-nuoc-mam-sa-huynh",
                                        province_code=QUANG_NGAI, story="<p>Nước mắm cá cơm ủ chượp truyền thống.</p>")
    c.stores["bac_ha"] = StoreFactory(name="Tổ hợp tác Ong mật Na Hang", slug="ong-mat-na-hang",
                                      province_code=TUYEN_QUANG, story="<p>Mật ong rừng, nuôi ong bạc hà.</p>")
    c.stores["da_lat"] = StoreFactory(name="Trà Cầu Đất Farm", slug="tra-cau-dat", province_code=LAM_DONG,
                                      story="<p>Đồi chè Cầu Đất, Đà Lạt.</p>")
    p = c.products

    def product(key, store, name, category, price, stars=None, stock=10, description=""):
        p[key] = ProductFactory(store=c.stores[store], name=name, category=category, price=price, stock=stock,
                                description=description)
        if stars:
            CertificateFactory(product=p[key], stars=stars)

    product("nuoc_mam", "sa_huynh", "Nước mắm cá cơm Sa Huỳnh 40 độ đạm", food, 120_000, stars=4)
    product("mam_ruoc", "sa_huynh", "Mắm ruốc Sa Huỳnh", food, 60_000, description="<p>Ăn kèm nước mắm.</p>")
    product("mat_ong", "bac_ha", "Mật ong rừng Na Hang", food, 250_000, stars=5)
    product("mat_ong_hoa", "bac_ha", "Mật ong hoa bạc hà", food, 320_000, stars=3, stock=0)
    product("tra_shan", "da_lat", "Trà Shan tuyết cổ thụ", drinks, 450_000, stars=4)
    product("tra_atiso", "da_lat", "Trà atiso Đà Lạt", drinks, 90_000)
    product("banh_trang", "sa_huynh", "Bánh tráng mè đen", food, 35_000)
    product("dau_phong", "da_lat", "Đậu phộng rang muối", food, 55_000)
    product("dau_tram", "bac_ha", "Dầu tràm nguyên chất", herbs, 85_000, stars=3)
    if with_courses:
        c.courses["online"] = course_page("Bán hàng trực tuyến cơ bản", "Mở gian hàng, chụp ảnh sản phẩm, trả lời "
                                                                       "khách hàng.")
        c.courses["photo"] = course_page("Chụp ảnh sản phẩm bằng điện thoại", "Ánh sáng, bố cục, nền.")
    return c
