"""The header's cart count for a signed-in buyer is kept in the cache: a repeat view costs
no query, and every change of their cart rows (add, update, remove, checkout, the merge at
sign-in, a cascade) forgets it once committed."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import RequestFactory

from marketplace.orders.models import CartItem
from marketplace.orders.selectors import cart_count_key, cart_item_count
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.marketplace import ProductFactory
from tests.orders.test_checkout import address, fill_cart

pytestmark = pytest.mark.django_db


def count_for(user) -> int:
    request = RequestFactory().get("/products/")
    request.user = user
    return cart_item_count(request)


@pytest.fixture
def lan():
    return UserFactory(email="lan@example.vn")


def test_a_second_call_runs_no_query_and_returns_the_exact_count(lan, django_assert_num_queries):
    CartItem.objects.create(user=lan, product=ProductFactory(), quantity=3)
    CartItem.objects.create(user=lan, product=ProductFactory(), quantity=2)
    CartItem.objects.create(user=UserFactory(), product=ProductFactory(), quantity=7)  # someone else's
    with django_assert_num_queries(1):
        assert count_for(lan) == 5
    with django_assert_num_queries(0):
        assert count_for(lan) == 5
    assert cache.get(cart_count_key(lan.pk)) == 5


def test_adding_and_updating_through_the_cart_views_refresh_the_count(
        client, lan, django_capture_on_commit_callbacks, django_assert_num_queries):
    honey, tea = ProductFactory(stock=9), ProductFactory(stock=9)
    client.force_login(lan)
    assert count_for(lan) == 0  # cached as 0
    with django_capture_on_commit_callbacks(execute=True):
        fill_cart(client, (honey, 2), (tea, 1))
    assert cache.get(cart_count_key(lan.pk)) is None
    assert count_for(lan) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/cart/update/", {"product": honey.pk, "quantity": 6}).status_code == 302
    assert count_for(lan) == 7
    with django_assert_num_queries(0):
        assert count_for(lan) == 7


def test_removing_a_line_and_checking_out_bring_the_count_down_to_0(
        client, lan, django_capture_on_commit_callbacks):
    honey, tea = ProductFactory(stock=9), ProductFactory(stock=9)
    client.force_login(lan)
    with django_capture_on_commit_callbacks(execute=True):
        fill_cart(client, (honey, 2))
    assert count_for(lan) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/cart/update/", {"product": honey.pk, "quantity": 2, "remove": "1"}).status_code == 302
    assert count_for(lan) == 0

    with django_capture_on_commit_callbacks(execute=True):
        fill_cart(client, (honey, 2), (tea, 3))
    assert count_for(lan) == 5
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/checkout/", address())
    assert response.status_code == 302 and response.url.startswith("/checkout/placed/")
    assert not CartItem.objects.filter(user=lan).exists()
    assert count_for(lan) == 0


def test_the_merge_at_sign_in_refreshes_the_count(client, lan, django_capture_on_commit_callbacks):
    honey, tea = ProductFactory(stock=4), ProductFactory(stock=9)
    CartItem.objects.create(user=lan, product=honey, quantity=3)
    assert count_for(lan) == 3  # cached before the merge
    fill_cart(client, (honey, 2), (tea, 1))  # a visitor's session cart
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/login/", {"username": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 302
    assert count_for(lan) == 4 + 1  # honey capped by its stock of 4, plus the tea


def test_a_deleted_product_cascades_to_the_count(lan, django_capture_on_commit_callbacks):
    honey = ProductFactory()
    CartItem.objects.create(user=lan, product=honey, quantity=2)
    CartItem.objects.create(user=lan, product=ProductFactory(), quantity=1)
    assert count_for(lan) == 3
    with django_capture_on_commit_callbacks(execute=True):
        honey.delete()
    assert count_for(lan) == 1


def test_a_rolled_back_change_keeps_the_cached_count(lan, django_capture_on_commit_callbacks,
                                                     django_assert_num_queries):
    CartItem.objects.create(user=lan, product=ProductFactory(), quantity=3)
    assert count_for(lan) == 3
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            CartItem.objects.create(user=lan, product=ProductFactory(), quantity=4)
            transaction.set_rollback(True)
    assert callbacks == []
    with django_assert_num_queries(0):
        assert count_for(lan) == 3


def test_a_cache_outage_never_fails_the_cart_write(client, lan, django_capture_on_commit_callbacks, caplog):
    honey = ProductFactory(stock=9)
    client.force_login(lan)
    with mock.patch.object(cache, "delete", side_effect=ConnectionError("cache down")):
        with django_capture_on_commit_callbacks(execute=True):
            fill_cart(client, (honey, 2))
    assert list(CartItem.objects.filter(user=lan).values_list("quantity", flat=True)) == [2]
    assert "cache down" in caplog.text
