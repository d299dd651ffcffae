"""What reaches which cached page (marketplace/page_cache.py): an order that leaves stock
keeps every listing cached, selling the last unit refreshes the pages showing the product,
a price change refreshes its product, store and listing pages and nothing else, a lesson
completion only the pages with the programme figures."""

import pytest
from django.core.cache import cache
from django.test import Client

from cms.models import HomeFeaturedProduct, HomePage
from marketplace.models import Category, Product
from marketplace.services.products import product_quick_update, product_set_status
from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory
from tests.factories.orders import place_one
from tests.factories.programme import OrderFactory, ReviewFactory
from tests.factories.training import create_course, lessons_of
from training.services import enrolment_create, lesson_mark_done

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def market():
    """Honey (food) and a herbal soap from one store, tea (drinks) from another."""
    hue, other = StoreFactory(name="HTX Mật ong Huế"), StoreFactory(name="HTX Trà Thái Nguyên")
    honey = ProductFactory(store=hue, name="Mật ong rừng", stock=3, price=150_000)
    soap = ProductFactory(store=hue, name="Xà phòng sả", category=Category.objects.get(slug="thao-duoc"))
    tea = ProductFactory(store=other, name="Trà Tân Cương", category=Category.objects.get(slug="do-uong"))
    return {"honey": honey, "soap": soap, "tea": tea, "hue": hue, "other": other}


def _pages(m) -> dict[str, str]:
    return {
        "catalogue": "/products/", "food": "/products/?group=thuc-pham", "drinks": "/products/?group=do-uong",
        "honey": m["honey"].get_absolute_url(), "soap": m["soap"].get_absolute_url(),
        "tea": m["tea"].get_absolute_url(), "hue store": m["hue"].get_absolute_url(),
        "other store": m["other"].get_absolute_url(), "stores": "/stores/", "home": "/",
    }


def _warm(m) -> dict[str, str]:
    pages = _pages(m)
    for url in pages.values():
        assert Client().get(url)["X-Page-Cache"] == "miss", url
    assert {name: Client().get(url)["X-Page-Cache"] for name, url in pages.items()} == dict.fromkeys(pages, "hit")
    return pages


def _entries() -> int:
    return sum(1 for key in list(cache._cache) if ":page:" in key and not key.endswith(":built"))  # LocMemCache's keys


def _refreshed(pages) -> set[str]:
    """The pages not served from the cache any more."""
    return {name for name, url in pages.items() if Client().get(url).get("X-Page-Cache") != "hit"}


def test_an_order_that_leaves_stock_above_zero_keeps_every_listing_cached(market, django_capture_on_commit_callbacks):
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        place_one(market["honey"], 1)
    assert _refreshed(pages) == {"honey"}  # its page shows the stock ("Only 2 left")
    assert "Chỉ còn 2" in Client().get(pages["honey"]).content.decode()


def test_selling_the_last_unit_refreshes_the_pages_showing_the_product(market, django_capture_on_commit_callbacks):
    market["honey"].stock = 1
    market["honey"].save()
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        place_one(market["honey"], 1)
    assert _refreshed(pages) == {"honey", "catalogue", "food", "hue store", "home"}
    card = Client().get("/products/").content.decode().split("Mật ong rừng")[1].split("</article>")[0]
    assert "Hết hàng" in card


def test_a_price_change_refreshes_its_product_store_and_listing_pages_and_nothing_else(
        market, django_capture_on_commit_callbacks):
    HomeFeaturedProduct.objects.create(page=HomePage.objects.get(), product=market["tea"])  # honey not on home
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        product_quick_update(product=market["honey"], price=99_000, stock=3)
    assert _refreshed(pages) == {"honey", "catalogue", "food", "hue store"}
    assert "99.000" in Client().get("/products/").content.decode()


def test_home_is_refreshed_by_a_price_change_when_it_features_the_product(market, django_capture_on_commit_callbacks):
    pages = _warm(market)  # no editors' choice: the best products, honey among them
    with django_capture_on_commit_callbacks(execute=True):
        product_quick_update(product=market["tea"], price=45_000, stock=10)
    assert _refreshed(pages) == {"tea", "catalogue", "drinks", "other store", "home"}


def test_a_stock_edit_that_stays_above_zero_refreshes_only_the_product(market, django_capture_on_commit_callbacks):
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        product_quick_update(product=market["honey"], price=150_000, stock=40)
    assert _refreshed(pages) == {"honey"}


def test_unpublishing_refreshes_the_listings_store_counts_and_home(market, django_capture_on_commit_callbacks):
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        product_set_status(product=market["honey"], status=Product.Status.DRAFT)
    entries = _entries()
    assert Client().get(pages["honey"]).status_code == 404
    assert _entries() == entries - 1  # no stale copy of a withdrawn page is kept to serve
    # The store's product pages too: their store card counts its OCOP products.
    assert _refreshed(pages) == {"honey", "soap", "catalogue", "food", "hue store", "stores", "home"}
    assert "Mật ong rừng" not in Client().get("/products/").content.decode()


def test_a_review_refreshes_the_product_page_and_home(market, django_capture_on_commit_callbacks):
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        ReviewFactory(product=market["honey"], order=OrderFactory(store=market["hue"]), rating=5)
    assert _refreshed(pages) == {"honey", "home"}


def test_a_verified_certificate_refreshes_the_product_its_store_listings_home(
        market, django_capture_on_commit_callbacks):
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        CertificateFactory(product=market["tea"], stars=5)
    assert _refreshed(pages) == {"tea", "catalogue", "drinks", "other store", "home"}


def test_a_store_change_refreshes_its_pages_every_listing_and_home(market, django_capture_on_commit_callbacks):
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        market["other"].name = "HTX Chè Tân Cương"
        market["other"].save()
    assert _refreshed(pages) == {"tea", "catalogue", "food", "drinks", "other store", "stores", "home"}


def test_a_lesson_completion_refreshes_only_the_figures(market, django_capture_on_commit_callbacks):
    learner = UserFactory()
    market["hue"].memberships.create(user=learner, role="owner")
    course = create_course(modules=(2,), required=True)
    first, last = lessons_of(course)
    enrolment_create(user=learner, course=course)
    pages = _warm(market)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_mark_done(user=learner, lesson=first)
    assert _refreshed(pages) == set()  # the course is not complete: nobody became trained
    with django_capture_on_commit_callbacks(execute=True):
        lesson_mark_done(user=learner, lesson=last)
    assert _refreshed(pages) == {"home"}  # the only page here with the programme figures


def _stored_tags(url) -> set[str]:
    """The tags the cached copy of `url` was stored with."""
    assert Client().get(url)["X-Page-Cache"] == "miss"
    entries = [cache.get(key.split(":", 2)[2]) for key in list(cache._cache)
               if ":page:" in key and not key.endswith((":lock", ":built"))]
    (entry,) = [e for e in entries if e and not isinstance(e, int)]
    return set(entry["versions"])


def test_listings_keep_their_own_tags_not_one_per_card(market):
    """A hit reads the versions of every tag of the copy: the catalogue's cards (and the stores
    they name) are covered by the listing's own tags, which each of their changes bumps."""
    assert _stored_tags("/products/") == {"site", "listing", "listing:products"}
    cache.clear()
    assert _stored_tags("/products/?group=thuc-pham") == {"site", "listing", "listing:group:thuc-pham"}
    cache.clear()
    hue = market["hue"].pk
    assert _stored_tags(market["hue"].get_absolute_url()) == {"site", f"store:{hue}", f"listing:store:{hue}"}
    cache.clear()
    honey = market["honey"]
    mint = ProductFactory(store=market["other"], name="Mật ong bạc hà", category=honey.category)
    # A product page follows the cards it shows (related products: the group's other honey) by tag.
    assert _stored_tags(honey.get_absolute_url()) == {
        "site", f"product:{honey.pk}", f"store:{honey.store_id}", f"card:{mint.pk}", f"store:{mint.store_id}"}


def test_an_order_that_leaves_plenty_keeps_even_its_product_page(market, django_capture_on_commit_callbacks):
    """Above Product.LOW_STOCK the page says only "in stock" (and the quantity box is not
    capped at the stock), so an order changes nothing on it; the few left are counted down."""
    market["honey"].stock = Product.LOW_STOCK + 1
    market["honey"].save()
    pages = _warm(market)
    page = Client().get(pages["honey"]).content.decode()
    assert "Chỉ còn" not in page and 'max="999"' in page
    with django_capture_on_commit_callbacks(execute=True):
        place_one(market["honey"], 1)  # 10 left: still plenty
    assert _refreshed(pages) == set()
    with django_capture_on_commit_callbacks(execute=True):
        place_one(market["honey"], 1)  # 9 left: now said
    assert _refreshed(pages) == {"honey"}
    page = Client().get(pages["honey"]).content.decode()
    assert "Chỉ còn 9" in page and 'max="9"' in page
