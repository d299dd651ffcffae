"""One rule says which orders await the seller (OrderQuerySet.awaiting_seller): the
dashboard count, the "to confirm" filter and the badge on the seller's list agree."""

import pytest
from django.template import Context, Template
from django.utils import timezone

from marketplace.orders.models import Order
from marketplace.orders.selectors import seller_orders_counts
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory
from tests.factories.orders import place_one

pytestmark = pytest.mark.django_db
S = Order.Status
TO_CONFIRM_BADGE = '<span class="badge badge-warning">chờ xác nhận</span>'


def test_the_count_the_filter_and_the_badge_agree(client):
    seller = UserFactory()
    store = StoreFactory(owner=seller)
    product = ProductFactory(store=store, stock=50)
    orders = {}
    for name, status, accepted in [("cod", S.CONFIRMED, False), ("paid", S.PAID, False),
                                   ("cod_accepted", S.CONFIRMED, True), ("paid_accepted", S.PAID, True),
                                   ("unpaid", S.PENDING_PAYMENT, False), ("shipped", S.SHIPPED, True),
                                   ("cancelled", S.CANCELLED, False)]:
        order = place_one(product, 1)
        Order.objects.filter(pk=order.pk).update(status=status, accepted_at=timezone.now() if accepted else None)
        orders[name] = order.number
    place_one(ProductFactory(), 1)  # another store's order awaiting its seller
    awaiting = {orders["cod"], orders["paid"]}

    assert {o.number for o in Order.objects.filter(store=store).awaiting_seller()} == awaiting
    flagged = Order.objects.filter(store=store).with_awaiting_seller()
    assert {o.number for o in flagged if o.awaits_seller} == awaiting

    assert seller_orders_counts(store) == {"to_confirm": 2, "to_ship": 2, "shipped": 1}
    summary = Template("{% load orders_tags %}{% seller_orders_summary store %}").render(Context({"store": store}))
    assert '<strong>2</strong> <a href="/seller/orders/?status=to_confirm">' in summary

    client.force_login(seller)
    filtered = client.get("/seller/orders/?status=to_confirm")
    assert {o.number for o in filtered.context["orders"]} == awaiting
    assert filtered.content.decode().count(TO_CONFIRM_BADGE) == 2
    everything = client.get("/seller/orders/")
    assert len(everything.context["orders"]) == 7
    assert {o.number for o in everything.context["orders"] if o.awaits_seller} == awaiting
    assert everything.content.decode().count(TO_CONFIRM_BADGE) == 2
