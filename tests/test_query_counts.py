"""Query discipline (issue 9): a listing page runs the same SQL queries for 1 row and for 50.

Pages already covered elsewhere (same pattern, kept there): / (tests/cms/test_home_sections.py),
/products/, /stores/, /stores/<slug>/ (tests/marketplace/test_catalogue_pages.py),
/seller/products/ (tests/marketplace/test_seller_products.py), /api/v1/products
(tests/marketplace/test_api.py), /search/ (tests/search/test_views.py), /orders/ and
/seller/orders/ (tests/orders/test_order_flow.py), /cart/ (tests/orders/test_cart.py),
course, module and lesson pages (tests/training/test_queries.py), /program/
(tests/program/test_dashboard.py) and the admin review queues (tests/onboarding/test_review_admin.py).

Each test builds one row, counts the queries of a warm GET, builds 49 more and counts
again; it also checks the page answered 200 and shows a row, so it cannot pass on an
empty page. Renditions are not cached here, so a template that renders an image without
its prefetched rendition fails the count.
"""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import PROGRAMME_OFFICERS
from marketplace.orders.models import CartItem, LedgerEntry, Order, Payout, PayoutBatch
from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory, wagtail_image
from tests.factories.orders import place_one
from tests.factories.programme import OrderFactory, OrderLineFactory, ReviewFactory, news_article, news_index
from training.models import Certificate

pytestmark = pytest.mark.django_db

MORE = 49


@pytest.fixture(autouse=True)
def _no_rendition_cache(settings):
    """Wagtail keeps renditions in the cache (the default one when there is no "renditions"
    cache), which would hide a template that looks up each image's rendition: with a dummy
    cache, only prefetched renditions cost no query."""
    settings.CACHES = {**settings.CACHES, "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def _get(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [q["sql"] for q in ctx.captured_queries]


def assert_constant(client, url, add_row, shows):
    """GET `url` warm with the one row built by the caller, call `add_row` 49 times, GET
    again: same queries, and `shows(response, i)` true for a row both times."""
    client.get(url)  # warm per-process caches (site, content types, renditions)
    response, one = _get(client, url)
    assert shows(response, 0)
    for i in range(1, MORE + 1):
        add_row(i)
    client.get(url)
    response, many = _get(client, url)
    assert shows(response, MORE)
    assert len(one) == len(many), "\n".join(q for q in many if q not in one)


def html_has(text):
    """The page shows `text` (the same row for 1 and for 50)."""
    return lambda response, _i: text in response.content.decode()


def html_row(template):
    """The page shows the newest row: `template` formatted with its number."""
    return lambda response, i: template.format(i) in response.content.decode()


def json_names(response):
    return {row["name"] for row in json.loads(response.content)["results"]}


# --- public pages -----------------------------------------------------------------------

def test_product_page_with_reviews(client):
    product = ProductFactory(slug="mat-ong")
    ReviewFactory(product=product, text="Đánh giá số 0")
    assert_constant(client, "/products/mat-ong/", lambda i: ReviewFactory(product=product, text=f"Đánh giá số {i}"),
                    html_row("Đánh giá số {}"))


def test_news_index(client):
    index = news_index()
    news_article(index=index, title="Tin số 0", tags=["ocop"], cover_image=wagtail_image())
    assert_constant(client, index.url,
                    lambda i: news_article(index=index, title=f"Tin số {i}", tags=[f"the-{i}"],
                                           cover_image=wagtail_image()),
                    html_row("Tin số {}"))


def test_training_index_lists_courses(client):
    from tests.factories.training import create_course

    client.force_login(UserFactory())
    create_course(title="Khoá số 0")
    assert_constant(client, "/training/", lambda i: create_course(title=f"Khoá số {i}"), html_row("Khoá số {}"))


def _certificate(user, i):
    return Certificate.objects.create(code=f"TEST{i:04d}", user=user, learner_name="Nguyễn Thị Lan",
                                      course_title=f"Khoá học số {i}")


def test_my_certificates(client):
    user = UserFactory()
    client.force_login(user)
    _certificate(user, 0)
    assert_constant(client, "/certificates/", lambda i: _certificate(user, i), html_row("Khoá học số {}"))


def test_certificate_page_does_not_depend_on_the_learner_s_other_certificates(client):
    user = UserFactory()
    _certificate(user, 0)
    assert_constant(client, "/certificates/TEST0000/", lambda i: _certificate(user, i),
                    html_has("Khoá học số 0"))


@pytest.fixture
def database_search(settings, django_capture_on_commit_callbacks):
    """The database search backend, indexing through the real signal → task path."""
    from search import client as search_client
    from search.backends.database import DatabaseBackend

    settings.ELASTICSEARCH_URL = ""
    search_client.reset()
    DatabaseBackend.forget_vocabulary()
    yield lambda: django_capture_on_commit_callbacks(execute=True)
    search_client.reset()


def test_api_search(client, database_search):
    with database_search():
        ProductFactory(name="Nước mắm nhĩ số 0")

    def add(i):
        with database_search():
            ProductFactory(name=f"Nước mắm nhĩ số {i}")

    def shows(response, i):
        data = json.loads(response.content)
        return data["count"] == i + 1 and f"Nước mắm nhĩ số {i}" in json_names(response)

    assert_constant(client, "/api/v1/search?q=nuoc+mam&type=product&sort=newest", add, shows)


def test_api_stores(client):
    StoreFactory(name="Cơ sở số 00", logo=wagtail_image())
    assert_constant(client, "/api/v1/stores", lambda i: StoreFactory(name=f"Cơ sở số {i:02d}", logo=wagtail_image()),
                    lambda r, i: "Cơ sở số 00" in json_names(r))


# --- buyer pages ------------------------------------------------------------------------

def test_checkout_with_lines_from_many_stores(client):
    user = UserFactory()
    client.force_login(user)

    def add(i):
        CartItem.objects.create(user=user, product=ProductFactory(name=f"Sản phẩm số {i}"), quantity=1)

    add(0)
    assert_constant(client, "/checkout/", add, html_row("Sản phẩm số {}"))


def _add_line(order, i):
    OrderLineFactory(order=order, product=ProductFactory(store=order.store), product_name=f"Dòng hàng số {i}")


def test_buyer_order_detail(client):
    user = UserFactory()
    client.force_login(user)
    order = place_one(ProductFactory(name="Dòng hàng số 0"), buyer=user)
    assert_constant(client, f"/orders/{order.number}/", lambda i: _add_line(order, i), html_row("Dòng hàng số {}"))


def test_order_placed_page_with_many_store_orders(client):
    order = place_one(ProductFactory(name="Dòng hàng số 0"))

    def add(i):
        _add_line(OrderFactory(payment=order.payment, store=StoreFactory()), i)

    assert_constant(client, f"/checkout/placed/{order.payment.reference}/", add, html_row("Dòng hàng số {}"))


# --- seller dashboard -------------------------------------------------------------------

def _owned_store(user, i):
    return StoreFactory(owner=user, name=f"Cửa hàng số {i:02d}")


def _batch_of(start):
    return PayoutBatch.objects.create(period_start=start, period_end=start + datetime.timedelta(days=30))


def _payout(batch, store):
    return Payout.objects.create(batch=batch, store=store, amount=171_000, bank_bin="970436",
                                 account_number="0071000123456", account_holder="HTX MAT ONG")


@pytest.fixture
def seller(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_seller_home_with_many_stores(client, seller):
    _owned_store(seller, 0)
    assert_constant(client, "/seller/", lambda i: _owned_store(seller, i), html_row("Cửa hàng số {:02d}"))


def test_seller_certificates(client, seller):
    store = StoreFactory(owner=seller)

    def add(i):
        CertificateFactory(product=ProductFactory(store=store, name=f"Sản phẩm số {i}"))

    add(0)
    assert_constant(client, "/seller/certificates/", add, html_row("Sản phẩm số {}"))


def test_seller_order_detail(client, seller):
    store = StoreFactory(owner=seller)
    order = place_one(ProductFactory(store=store, name="Dòng hàng số 0"))
    assert_constant(client, f"/seller/orders/{order.number}/", lambda i: _add_line(order, i),
                    html_row("Dòng hàng số {}"))


def test_seller_balance(client, seller):
    store = StoreFactory(owner=seller)

    def add(i):
        order = OrderFactory(store=store, number=f"CS9{i:07d}", status=Order.Status.DELIVERED)
        payout = _payout(_batch_of(datetime.date(2026, 1, 1)), store)
        LedgerEntry.objects.create(store=store, order=order, kind=LedgerEntry.Kind.ORDER, gross=180_000,
                                   commission=9_000, amount=171_000, payout=payout)

    add(0)
    assert_constant(client, "/seller/orders/balance/", add, html_row("CS9{:07d}"))


@pytest.mark.parametrize("url", ["/seller/orders/balance/", "/onboarding/status/"])
def test_pages_listing_each_store_of_the_member(client, seller, url):
    _owned_store(seller, 0)
    assert_constant(client, url, lambda i: _owned_store(seller, i), html_row("Cửa hàng số {:02d}"))


# --- programme officers -----------------------------------------------------------------

@pytest.fixture
def officer(client):
    user = UserFactory(groups=[PROGRAMME_OFFICERS])
    client.force_login(user)
    return user


def test_payout_batches(client, officer):
    def add(i):
        _payout(_batch_of(datetime.date(2025, 1, 1) + datetime.timedelta(days=i)), StoreFactory())

    add(0)
    assert_constant(client, "/payouts/", add, lambda r, i: (datetime.date(2025, 1, 1) + datetime.timedelta(days=i))
                    .strftime("%d/%m/%Y") in r.content.decode())


def test_payout_batch_detail(client, officer):
    batch = _batch_of(datetime.date(2026, 1, 1))

    def add(i):
        _payout(batch, StoreFactory(name=f"Cửa hàng số {i:02d}"))

    add(0)
    assert_constant(client, f"/payouts/{batch.pk}/", add, html_row("Cửa hàng số {:02d}"))
