"""Card refunds when the provider fails (RELIABILITY 4, 12): the Refund and its idempotency
key are saved before the call, and every retry (the seller's button again, or the
`execute_refund` task) sends the same key, so the buyer is refunded once."""

import pytest

from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.services.payment_events import orders_payment_succeeded
from marketplace.payments import gateway
from marketplace.payments.exceptions import PaymentProviderError
from marketplace.payments.models import Payment, Refund
from marketplace.payments.tasks import execute_refund
from tests.factories.marketplace import ProductFactory
from tests.factories.orders import place_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_card_order(stripe_stub):
    order = place_one(ProductFactory(price=100_000, stock=4), 2, method="stripe")
    Payment.objects.filter(pk=order.payment_id).update(provider_payment_id="pi_7", status=Payment.Status.PAID)
    orders_payment_succeeded(payment=Payment.objects.get(pk=order.payment_id))
    return Order.objects.get(pk=order.pk)


@pytest.mark.parametrize("retry", ["seller_again", "task"])
def test_a_refund_the_provider_failed_is_retried_with_its_saved_key(stripe_stub, paid_card_order, retry):
    stripe_stub.refunds.fail_next = 1

    with pytest.raises(PaymentProviderError):
        gateway.refund(order=paid_card_order, actor=None, reason="Hết hàng")

    refund = Refund.objects.get()
    assert refund.status == Refund.Status.PENDING and refund.idempotency_key
    assert Order.objects.get(pk=paid_card_order.pk).status == Order.Status.PAID  # nothing recorded yet

    if retry == "seller_again":
        assert gateway.refund(order=paid_card_order, actor=None, reason="Hết hàng").pk == refund.pk
    else:
        assert execute_refund.apply(args=[refund.pk]).get() is True

    assert [c["options"]["idempotency_key"] for c in stripe_stub.refunds.calls] == [refund.idempotency_key] * 2
    refund.refresh_from_db()
    order = Order.objects.get(pk=paid_card_order.pk)
    payment = Payment.objects.get(pk=order.payment_id)
    assert (refund.status, order.status, payment.status) == (Refund.Status.SUCCEEDED, Order.Status.REFUNDED,
                                                            Payment.Status.REFUNDED)
    assert order.lines.get().product.stock == 4  # unshipped: back on sale, once
    assert order.events.filter(action=OrderEvent.Action.REFUNDED).count() == 1
    # A redelivered task finds nothing left to do and calls no one.
    assert execute_refund.apply(args=[refund.pk]).get() is False
    assert len(stripe_stub.refunds.calls) == 2


def test_the_task_is_a_thin_wrapper_of_the_gateway_service():
    # One service (gateway.send_refund); the task keeps its queued name and only takes the id.
    assert execute_refund.name == "marketplace.payments.tasks.execute_refund"
    assert not hasattr(gateway, "execute_refund")
