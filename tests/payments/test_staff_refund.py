"""Staff refunds go through the gateway; officers find payouts in the Wagtail admin."""

import pytest

from accounts.roles import PROGRAMME_OFFICERS
from marketplace.orders.models import Order
from marketplace.orders.services.payment_events import orders_payment_succeeded
from marketplace.payments.models import Payment, Refund
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory
from tests.factories.orders import place_one

pytestmark = pytest.mark.django_db


def test_staff_refund_action_in_django_admin(client, stripe_stub):
    card = place_one(ProductFactory(price=100_000, stock=4), 1, method="stripe")
    Payment.objects.filter(pk=card.payment_id).update(provider_payment_id="pi_9", status=Payment.Status.PAID)
    orders_payment_succeeded(payment=Payment.objects.get(pk=card.payment_id))
    cod = place_one(ProductFactory(), 1)
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.post("/django-admin/orders/order/", {"action": "refund_orders",
                                                          "_selected_action": [card.pk, cod.pk]})

    assert response.status_code == 302
    assert stripe_stub.refunds.calls[0]["params"] == {"payment_intent": "pi_9", "amount": 130_000}
    assert Refund.objects.get().created_by == staff
    assert Order.objects.get(pk=card.pk).status == Order.Status.REFUNDED
    assert Order.objects.get(pk=cod.pk).status == Order.Status.CONFIRMED  # COD: refused, unchanged


def test_officers_see_the_payouts_menu_item(client):
    officer = UserFactory(groups=[PROGRAMME_OFFICERS])
    client.force_login(officer)
    assert "/payouts/" in client.get("/admin/").content.decode()
    client.force_login(UserFactory(is_staff=True))
    assert "/payouts/" not in client.get("/admin/").content.decode()
