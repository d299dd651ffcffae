import pytest

from marketplace.orders.demo import seed_orders
from marketplace.orders.models import LedgerEntry, Order
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory

pytestmark = pytest.mark.django_db


def test_seed_orders_without_products_does_nothing():
    lines = []
    seed_orders(lines.append)
    assert lines == ["Demo orders: no products yet, skipped."]
    assert Order.objects.count() == 0


def test_seed_orders_makes_orders_in_several_states_once():
    for _ in range(4):
        ProductFactory(store=StoreFactory(owner=UserFactory()), stock=10)
    lines = []
    seed_orders(lines.append)
    statuses = sorted(Order.objects.values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "delivered", "shipped"]
    assert Order.objects.filter(accepted_at__isnull=False).count() == 3
    assert LedgerEntry.objects.count() == 1
    assert Order.objects.filter(buyer__email="nguoimua@choso-ocop.vn").count() == 4
    seed_orders(lines.append)
    assert Order.objects.count() == 4
    assert lines[-1] == "Demo orders: already there."
