"""The home page's live sections: featured products/stores (editors' choice, else the
best), programme figures, latest news, the starter course; constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomeFeaturedProduct, HomeFeaturedStore, HomePage, home_sections
from marketplace.models import Product, Store
from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory
from tests.factories.programme import OrderFactory, ReviewFactory, complete_course, news_article, starter_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


def test_every_section_names_its_template(home):
    sections = home_sections(home)
    assert {name: s["template"] for name, s in sections.items()} == {
        "products": "cms/home/products.html", "figures": "cms/home/figures.html", "stores": "cms/home/stores.html",
        "news": "cms/home/news.html", "course": "cms/home/course.html"}


def test_without_editors_choice_the_best_products_and_stores_are_shown(home):
    plain = ProductFactory(name="Bánh ép")
    four = CertificateFactory(stars=4).product
    five = CertificateFactory(stars=5).product
    rated = ProductFactory(name="Trà cung đình")
    ReviewFactory(product=rated, order=OrderFactory(store=rated.store), rating=5)
    ProductFactory(status=Product.Status.DRAFT)
    ProductFactory(store=StoreFactory(status=Store.Status.DRAFT))
    ProductFactory(stock=0)
    sections = home_sections(home)
    assert [p.pk for p in sections["products"]["products"]] == [five.pk, four.pk, rated.pk, plain.pk]
    assert sections["products"]["products"][2].rating == 5
    # Stores: the reviewed one first, then by products online; stores with nothing online are left out.
    StoreFactory(name="Gian hàng trống")
    assert sections["stores"]["stores"][0] == rated.store
    assert len(home_sections(home)["stores"]["stores"]) == Store.objects.filter(
        status="active", products__status="published").distinct().count() == 5


def test_editors_choice_comes_first_in_their_order(home, client):
    a, b, c = ProductFactory(name="Mắm ruốc"), ProductFactory(name="Mè xửng"), ProductFactory(name="Tôm chua")
    hidden = ProductFactory(status=Product.Status.DRAFT)
    for order, product in enumerate([c, hidden, a]):
        HomeFeaturedProduct.objects.create(page=home, product=product, sort_order=order)
    HomeFeaturedStore.objects.create(page=home, store=b.store, sort_order=0)
    sections = home_sections(home)
    assert [p.name for p in sections["products"]["products"]] == ["Tôm chua", "Mắm ruốc"]
    assert sections["stores"]["stores"] == [b.store]
    html = client.get("/").content.decode()
    assert html.index("Tôm chua") < html.index("Mắm ruốc") and "Mè xửng" not in html.split("Sản phẩm nổi bật")[1] \
        .split("</section>")[0]


def test_figures_band_news_and_starter_course(home, client):
    course = starter_course()
    trained, untrained = UserFactory(), UserFactory()
    StoreFactory(owner=trained)
    StoreFactory(owner=untrained, status=Store.Status.DRAFT)
    complete_course(trained, course)
    CertificateFactory()  # one more active store with an OCOP product
    for days in range(4):
        news_article(title=f"Tin {days}", days_ago=days)
    section = home_sections(home)
    assert section["figures"]["stores_live"] == Store.objects.filter(status="active").count() == 2
    assert section["figures"]["ocop_online"] == 1
    assert (section["figures"]["training"]["trained"], section["figures"]["training"]["share"]) == (1, 50.0)
    assert [a.title for a in section["news"]["articles"]] == ["Tin 0", "Tin 1", "Tin 2"]
    assert section["course"]["course"] == course
    html = client.get("/").content.decode()
    assert "Chương trình qua các con số" in html and "Tin 2" in html and "Tin 3" not in html
    assert f'href="{course.url}"' in html and "Bắt đầu học" in html


def _home_queries(client) -> int:
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


def _rows(n):
    for _ in range(n):
        product = CertificateFactory(product__store=StoreFactory(owner=UserFactory())).product
        ReviewFactory(product=product, order=OrderFactory(store=product.store))
        news_article()


def test_home_page_runs_a_fixed_number_of_queries(client):
    starter_course()
    _rows(1)
    one = _home_queries(client)
    _rows(49)
    assert _home_queries(client) == one


def test_editors_pick_featured_products_and_stores_with_choosers(client, home):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "Nổi bật trên trang chủ" in html
    assert "/admin/cms-product-chooser/" in html and "/admin/cms-store-chooser/" in html
    product = ProductFactory(name="Nón lá Huế")
    ProductFactory(name="Bản nháp", status=Product.Status.DRAFT)
    closed = StoreFactory(name="Gian hàng tạm ngừng", status=Store.Status.SUSPENDED)
    products = client.get("/admin/cms-product-chooser/").json()["html"]
    assert "Nón lá Huế" in products and "Bản nháp" not in products  # only what buyers can see
    stores = client.get("/admin/cms-store-chooser/").json()["html"]
    assert product.store.name in stores and closed.name not in stores


def test_best_products_ranked_among_the_top_stars_only_equal_ranking_everything(home):
    from django.db.models import F

    from cms.home import PRODUCTS_SHOWN, product_cards

    fives = [CertificateFactory(stars=5).product for _ in range(PRODUCTS_SHOWN + 1)]
    ReviewFactory(product=fives[3], order=OrderFactory(store=fives[3].store), rating=4)
    for _ in range(3):
        CertificateFactory(stars=4)
    rated_plain = ProductFactory(name="Trà cung đình")
    ReviewFactory(product=rated_plain, order=OrderFactory(store=rated_plain.store), rating=5)
    everything = list(product_cards(Product.objects.published().in_stock()).order_by(
        F("ocop_stars").desc(nulls_last=True), F("rating").desc(nulls_last=True), "-published_at", "-pk"))
    shown = [p.pk for p in home_sections(home)["products"]["products"]]
    assert shown == [p.pk for p in everything[:PRODUCTS_SHOWN]]
    assert shown[0] == fives[3].pk and rated_plain.pk not in shown


def test_ocop_figures_count_a_product_once_at_its_best_stars():
    from cms.program.figures import Scope
    from cms.program.figures.catalogue import ocop_figures
    from cms.program.periods import preset_period

    twice = CertificateFactory(stars=3).product
    CertificateFactory(product=twice, stars=5)
    CertificateFactory(stars=4)
    CertificateFactory(stars=4, product=ProductFactory(status=Product.Status.DRAFT))  # not online
    figures = ocop_figures(Scope(period=preset_period("year")))
    assert figures["by_stars"] == {5: 1, 4: 1, 3: 0}
    assert (figures["online"], figures["certified"]) == (2, 3)


def test_anonymous_home_comes_from_the_page_cache_until_a_product_it_shows_changes(
        client, settings, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    product = CertificateFactory(stars=5, product=ProductFactory(name="Mật ong rừng")).product
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    product.name = "Mật ong bạc hà Hà Giang"
    with django_capture_on_commit_callbacks(execute=True):
        product.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Mật ong bạc hà Hà Giang" in response.content.decode()


def test_with_enough_rated_stores_only_rated_ones_are_ranked_with_the_same_result(home):
    from django.db.models import F

    from cms.home import STORES_SHOWN, store_cards

    for rating in (5, 4, 4, 3, 5, 2, 1):
        product = ProductFactory()
        ReviewFactory(product=product, order=OrderFactory(store=product.store), rating=rating)
    busy = StoreFactory(name="Gian hàng nhiều sản phẩm chưa có đánh giá")
    for _ in range(5):
        ProductFactory(store=busy)
    everything = list(store_cards(Store.objects.active().filter(products__status="published").distinct())
                      .order_by(F("rating").desc(nulls_last=True), "-products_online", "name"))
    shown = home_sections(home)["stores"]["stores"]
    assert [s.pk for s in shown] == [s.pk for s in everything[:STORES_SHOWN]]
    assert busy not in shown and [s.rating for s in shown] == [5, 5, 4, 4, 3, 2]
