"""Cart: session for visitors, rows for buyers, merged at login, capped by stock."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Product
from marketplace.orders.models import CartItem
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory

pytestmark = pytest.mark.django_db


def test_visitor_adds_and_sees_lines_grouped_by_store(client):
    store = StoreFactory(name="HTX Mật ong Nam Đông")
    honey = ProductFactory(store=store, price=150_000)
    wax = ProductFactory(store=store, price=50_000)
    tea = ProductFactory(price=80_000)
    for product, quantity in ((honey, 2), (wax, 1), (tea, 3)):
        assert client.post("/cart/add/", {"product": product.pk, "quantity": quantity}).status_code == 302

    checkout = client.get("/cart/").context["checkout"]
    assert [(g.store.pk, [(line.product.pk, line.quantity) for line in g.lines]) for g in checkout.groups] == [
        (store.pk, [(honey.pk, 2), (wax.pk, 1)]), (tea.store.pk, [(tea.pk, 3)])]
    assert [g.subtotal for g in checkout.groups] == [350_000, 240_000]
    assert checkout.total == 350_000 + 240_000 + 2 * 30_000
    assert client.session["cart"] == {str(honey.pk): 2, str(wax.pk): 1, str(tea.pk): 3}


def test_quantity_is_capped_by_stock(client):
    honey = ProductFactory(stock=3)
    client.post("/cart/add/", {"product": honey.pk, "quantity": 2})
    client.post("/cart/add/", {"product": honey.pk, "quantity": 5})
    assert client.session["cart"] == {str(honey.pk): 3}
    client.post("/cart/update/", {"product": honey.pk, "quantity": 10})
    assert client.session["cart"] == {str(honey.pk): 3}


def test_out_of_stock_or_unpublished_is_refused_and_nothing_changes(client):
    empty = ProductFactory(stock=0, name="Trà cung đình")
    draft = ProductFactory(status=Product.Status.DRAFT)
    response = client.post("/cart/add/", {"product": empty.pk, "quantity": 1})
    assert response.status_code == 409
    assert "Trà cung đình" in response.content.decode()
    assert client.post("/cart/add/", {"product": draft.pk, "quantity": 1}).status_code == 409
    assert client.post("/cart/add/", {"product": "abc", "quantity": 1}).status_code == 400
    assert client.post("/cart/add/", {"product": draft.pk, "quantity": 0}).status_code == 400
    assert "cart" not in client.session


def test_update_and_remove_without_javascript(client):
    honey = ProductFactory(stock=9)
    tea = ProductFactory()
    client.post("/cart/add/", {"product": honey.pk, "quantity": 1})
    client.post("/cart/add/", {"product": tea.pk, "quantity": 1})
    client.post("/cart/update/", {"product": honey.pk, "quantity": 4})
    client.post("/cart/update/", {"product": tea.pk, "quantity": 1, "remove": "1"})
    assert client.session["cart"] == {str(honey.pk): 4}
    client.post("/cart/update/", {"product": honey.pk, "quantity": 0})
    assert client.session["cart"] == {}


def test_signed_in_cart_is_stored_in_the_database(client):
    user = UserFactory()
    client.force_login(user)
    honey = ProductFactory()
    client.post("/cart/add/", {"product": honey.pk, "quantity": 2})
    assert list(CartItem.objects.values_list("user_id", "product_id", "quantity")) == [(user.pk, honey.pk, 2)]


def test_session_cart_merges_into_the_saved_cart_at_login(client):
    user = UserFactory(email="lan@example.vn")
    honey = ProductFactory(stock=4)
    tea = ProductFactory()
    CartItem.objects.create(user=user, product=honey, quantity=3)
    client.post("/cart/add/", {"product": honey.pk, "quantity": 2})
    client.post("/cart/add/", {"product": tea.pk, "quantity": 1})

    response = client.post("/accounts/login/", {"username": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 302

    assert dict(CartItem.objects.filter(user=user).values_list("product_id", "quantity")) == {honey.pk: 4, tea.pk: 1}
    assert "cart" not in client.session


def test_cart_page_runs_the_same_queries_for_1_and_50_lines(client):
    user = UserFactory()
    client.force_login(user)
    products = ProductFactory.create_batch(50)

    def count(n):
        CartItem.objects.filter(user=user).delete()
        CartItem.objects.bulk_create([CartItem(user=user, product=p, quantity=1) for p in products[:n]])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/cart/").status_code == 200
        return len(ctx)

    count(1)  # warm caches (site settings, session)
    assert count(1) == count(50)


def test_add_to_cart_include_shows_out_of_stock(rf):
    from django.template.loader import render_to_string

    request = rf.get("/products/x/")
    in_stock = render_to_string("orders/add_to_cart_form.html", {"product": ProductFactory(stock=2)}, request=request)
    sold_out = render_to_string("orders/add_to_cart_form.html", {"product": ProductFactory(stock=0)}, request=request)
    assert 'action="/cart/add/"' in in_stock and "Thêm vào giỏ" in in_stock
    assert "Hết hàng" in sold_out and "/cart/add/" not in sold_out


def test_visitor_adds_from_the_real_product_page_with_csrf():
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    honey = ProductFactory(stock=3)
    page = client.get(honey.get_absolute_url()).content.decode()
    form = page[page.index('action="/cart/add/"'):]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert client.post("/cart/add/", {"product": honey.pk, "quantity": 1}).status_code == 403
    response = client.post("/cart/add/", {"product": honey.pk, "quantity": 2, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.session["cart"] == {str(honey.pk): 2}


def test_placing_an_order_refreshes_the_cached_product_page(django_capture_on_commit_callbacks):
    """Its stock is on it; the listings stay cached (tests/marketplace/test_page_cache_rules.py)."""
    from django.core.cache import cache

    from tests.factories.orders import place_one

    honey = ProductFactory(stock=3)
    before = cache.get(f"page-tag:product:{honey.pk}")
    listings = cache.get("page-tag:listing:products")
    with django_capture_on_commit_callbacks(execute=True):
        place_one(honey, 1)
    assert cache.get(f"page-tag:product:{honey.pk}") not in (None, before)
    assert cache.get("page-tag:listing:products") == listings
