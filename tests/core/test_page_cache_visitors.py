"""Cached pages for people with a cart or an account: the header's cart count and account
menu are filled into the shared copy per request, and nothing of one visitor is ever
stored in the copy another gets. Staff, pending messages and pages that differ for
signed-in visitors bypass the cache."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from marketplace.orders.models import CartItem
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory
from tests.factories.training import create_course

pytestmark = pytest.mark.django_db

CART_COUNT = re.compile(r'<span class="cart-count">(\d+)</span>')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def honey():
    return ProductFactory(name="Mật ong rừng", stock=20)


@pytest.fixture
def lan():
    return UserFactory(full_name="Nguyễn Thị Lan", email="lan.nguyen@example.vn")


def _cart_count(response):
    found = CART_COUNT.findall(response.content.decode())
    return int(found[0]) if found else None


def _add_to_cart(client, page, product, quantity):
    token = re.search(r'action="/cart/add/".*?name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode(),
                      re.S).group(1)
    return client.post("/cart/add/", {"product": product.pk, "quantity": quantity, "csrfmiddlewaretoken": token})


def _stored_html() -> str:
    """Everything the page cache holds, as text."""
    return repr([cache.get(key.split(":", 2)[2]) for key in list(cache._cache) if ":page:" in key])


def test_a_cart_holder_sees_their_own_count_from_a_cached_page(honey):
    assert Client().get("/products/")["X-Page-Cache"] == "miss"
    buyer = Client(enforce_csrf_checks=True)
    page = buyer.get(honey.get_absolute_url())
    assert _add_to_cart(buyer, page, honey, 2).status_code == 302
    buyer.get("/cart/")  # shows (and so consumes) "added to your cart"

    mine = buyer.get("/products/")
    assert (mine["X-Page-Cache"], _cart_count(mine)) == ("hit", 2)
    again = buyer.get(honey.get_absolute_url())  # the product page they built is shared now
    assert (again["X-Page-Cache"], _cart_count(again)) == ("hit", 2)
    stranger = Client().get("/products/")
    assert (stranger["X-Page-Cache"], _cart_count(stranger)) == ("hit", None)
    assert 'class="cart-count"' not in _stored_html()


def test_the_cached_product_page_form_still_posts_for_a_cart_holder(honey):
    buyer = Client(enforce_csrf_checks=True)
    buyer.cookies["sessionid"] = "none"  # a session cookie (here an unknown one)
    Client().get(honey.get_absolute_url())
    page = buyer.get(honey.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    assert _add_to_cart(buyer, page, honey, 1).status_code == 302


def test_a_signed_in_buyer_browses_from_the_cache_with_their_menu_and_nobody_else_sees_it(honey, lan):
    CartItem.objects.create(user=lan, product=honey, quantity=3)
    buyer = Client()
    buyer.force_login(lan)
    first = buyer.get("/products/")  # the buyer builds the shared copy
    assert first["X-Page-Cache"] == "miss"
    for response in (first, buyer.get("/products/"), buyer.get("/")):
        html = response.content.decode()
        assert response["X-Page-Cache"] in ("miss", "hit")
        assert _cart_count(response) == 3
        assert "Đăng xuất (Lan)" in html and 'href="/orders/"' in html and "Đơn hàng của tôi" in html
    assert buyer.get("/products/")["X-Page-Cache"] == "hit"

    stranger = Client().get("/products/")
    html = stranger.content.decode()
    assert stranger["X-Page-Cache"] == "hit"
    assert "Lan" not in html and "lan.nguyen" not in html and _cart_count(stranger) is None
    assert 'href="/accounts/login/"' in html
    stored = _stored_html()
    assert "Lan" not in stored and "lan.nguyen" not in stored and "Đăng xuất" not in stored


def test_staff_and_editors_get_pages_of_their_own(honey):
    Client().get("/products/")
    trainer = UserFactory()
    trainers = Group.objects.create(name="Người soạn bài (test)")
    trainers.permissions.add(Permission.objects.get(codename="access_admin"))
    trainer.groups.add(trainers)
    for user in (UserFactory(is_staff=True), UserFactory(is_superuser=True), trainer):
        client = Client()
        client.force_login(user)
        assert "X-Page-Cache" not in client.get("/products/"), user


def test_a_pending_message_is_shown_on_a_page_of_the_visitors_own(honey, lan, settings):
    Client().get("/products/")
    buyer = Client()
    buyer.force_login(lan)
    buyer.post("/cart/add/", {"product": honey.pk, "quantity": 1})  # "added to your cart", kept in a cookie
    response = buyer.get("/products/")
    assert "X-Page-Cache" not in response and "Đã thêm Mật ong rừng vào giỏ hàng" in response.content.decode()
    assert buyer.get("/products/")["X-Page-Cache"] == "hit"  # shown once

    settings.MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"  # kept in the session
    buyer.post("/cart/add/", {"product": honey.pk, "quantity": 1})
    response = buyer.get("/products/")
    assert "X-Page-Cache" not in response and "Đã thêm Mật ong rừng vào giỏ hàng" in response.content.decode()


def test_pages_that_differ_for_signed_in_visitors_are_never_shared_with_them(lan):
    create_course(modules=(1,), title="Bán hàng trực tuyến")
    buyer = Client()
    buyer.force_login(lan)
    assert "X-Page-Cache" not in buyer.get("/training/")  # their progress is on it
    assert Client().get("/training/")["X-Page-Cache"] == "hit"  # the anonymous copy was built meanwhile
    assert "X-Page-Cache" not in buyer.get("/training/")


def test_a_cached_page_costs_no_query_anonymous_and_one_signed_in(honey, lan):
    """Signed in: the session (a query with database sessions, none with cache sessions;
    their user row is cached, accounts/backends.py); the cart sum and whether they may open
    the admin (two permission queries) are asked on the first request and remembered a few
    minutes (the cart sum until their cart changes; the answer in their session, saved
    then: three queries with database sessions, one cache write with cache sessions)."""
    Client().get("/products/")
    with CaptureQueriesContext(connection) as anonymous:
        assert Client().get("/products/")["X-Page-Cache"] == "hit"
    buyer = Client()
    buyer.force_login(lan)
    with CaptureQueriesContext(connection) as first:
        assert buyer.get("/products/")["X-Page-Cache"] == "hit"
    with CaptureQueriesContext(connection) as then:
        assert buyer.get("/products/")["X-Page-Cache"] == "hit"
    assert [len(q.captured_queries) for q in (anonymous, first, then)] == [0, 8, 1]


def test_a_signed_in_hit_reads_the_cache_once(honey, lan, monkeypatch):
    """Their user row, then the page's stamp, its tag versions and their cart count in one
    round trip (sessions are in the database here, so the session is not a cache read)."""
    buyer = Client()
    buyer.force_login(lan)
    buyer.post("/cart/add/", {"product": honey.pk, "quantity": 3})
    buyer.get("/products/")  # "added to your cart": a page of their own
    assert buyer.get("/products/")["X-Page-Cache"] == "miss"  # built; the count is cached too
    assert buyer.get("/products/")["X-Page-Cache"] == "hit"  # this process now keeps the copy
    reads, inside = [], []

    def counting(name, real):
        def counted(*args, **kwargs):
            if not inside:  # the local-memory cache's get_many calls its get
                reads.append(name)
            inside.append(name)
            try:
                return real(*args, **kwargs)
            finally:
                inside.pop()
        return counted

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache, name, counting(name, getattr(cache, name)))
    response = buyer.get("/products/")
    assert (response["X-Page-Cache"], reads) == ("hit", ["get", "get_many"])
    assert CART_COUNT.findall(response.content.decode()) == ["3"]
