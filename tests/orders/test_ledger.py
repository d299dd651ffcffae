"""Settlement ledger and payout batches."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from accounts.roles import PROGRAMME_OFFICERS
from marketplace.orders.models import LedgerEntry, Order, PayoutBatch
from marketplace.orders.services.orders import order_accept, order_deliver, order_ship
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory
from tests.factories.orders import place_one

pytestmark = pytest.mark.django_db


def delivered_order(store, price=200_000):
    order = place_one(ProductFactory(store=store, price=price), 1)
    order_accept(order=order, actor=None)
    order_ship(order=order, actor=None, carrier="GHN", tracking_code="1")
    return order_deliver(order=order, actor=None)


@pytest.fixture
def paid_store():
    owner = UserFactory(email="chu@htx.vn")
    return StoreFactory(owner=owner, payout_bank_bin="970436", payout_account_number="0071000123456",
                        payout_account_holder="HTX MAT ONG NAM DONG")


@pytest.fixture
def officer():
    return UserFactory(groups=[PROGRAMME_OFFICERS])


def test_delivered_order_credits_total_minus_commission_once(paid_store, settings):
    settings.ORDERS_COMMISSION_PERCENT = 5
    order = delivered_order(paid_store)  # 200.000 + 30.000 shipping
    entry = LedgerEntry.objects.get()
    assert (entry.store_id, entry.gross, entry.commission, entry.amount) == (paid_store.pk, 230_000, 11_500, 218_500)
    from marketplace.orders.services.ledger import ledger_credit_order

    assert ledger_credit_order(order=order) is None
    assert LedgerEntry.objects.count() == 1


def test_commission_percent_is_configurable(paid_store, settings):
    settings.ORDERS_COMMISSION_PERCENT = 3.5
    delivered_order(paid_store, price=100_000)
    assert LedgerEntry.objects.get().commission == 4_550  # 3,5 % of 130.000


def test_undelivered_orders_are_not_credited(paid_store):
    place_one(ProductFactory(store=paid_store), 1)
    assert LedgerEntry.objects.count() == 0


def test_officer_creates_batch_exports_csv_and_marks_paid(client, paid_store, officer):
    delivered_order(paid_store)
    delivered_order(paid_store)
    no_bank = StoreFactory()
    delivered_order(no_bank)
    client.force_login(officer)
    today = timezone.localdate()

    response = client.post("/payouts/", {"period_start": today - datetime.timedelta(days=30), "period_end": today})

    batch = PayoutBatch.objects.get()
    assert response.status_code == 302 and response.url == f"/payouts/{batch.pk}/"
    payout = batch.payouts.get()  # the store without bank details waits
    assert (payout.store_id, payout.amount) == (paid_store.pk, 2 * 218_500)
    assert LedgerEntry.objects.filter(payout=None).get().store_id == no_bank.pk

    exported = client.get(f"/payouts/{batch.pk}/csv/")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows == [["store", "bank", "bank_bin", "account_number", "account_holder", "amount_vnd"],
                    [paid_store.name, "Vietcombank", "970436", "0071000123456", "HTX MAT ONG NAM DONG", "437000"]]

    # Seller sees the amount as owed until the batch is paid, then as a past payout.
    seller = paid_store.memberships.get().user
    client.force_login(seller)
    assert client.get("/seller/orders/balance/").context["settlements"][0][1]["balance"] == 437_000
    client.force_login(officer)
    assert client.post(f"/payouts/{batch.pk}/paid/").status_code == 302
    batch.refresh_from_db()
    assert batch.status == PayoutBatch.Status.PAID and batch.paid_by == officer
    client.force_login(seller)
    settlement = client.get("/seller/orders/balance/").context["settlements"][0][1]
    assert settlement["balance"] == 0
    assert [(p.amount, p.batch.status) for p in settlement["payouts"]] == [(437_000, "paid")]


def test_nothing_to_pay_is_refused(client, officer):
    client.force_login(officer)
    today = timezone.localdate()
    response = client.post("/payouts/", {"period_start": today, "period_end": today})
    assert response.status_code == 409
    assert PayoutBatch.objects.count() == 0


@pytest.mark.parametrize("url", ["/payouts/", "/payouts/1/", "/payouts/1/csv/"])
def test_payout_pages_are_404_for_sellers(client, paid_store, url):
    client.force_login(paid_store.memberships.get().user)
    assert client.get(url).status_code == 404


def test_mark_paid_is_404_for_a_seller_and_changes_nothing(client, paid_store, officer):
    delivered_order(paid_store)
    from marketplace.orders.services.ledger import payout_batch_create

    today = timezone.localdate()
    batch = payout_batch_create(period_start=today, period_end=today, actor=officer)
    client.force_login(paid_store.memberships.get().user)
    assert client.post(f"/payouts/{batch.pk}/paid/").status_code == 404
    batch.refresh_from_db()
    assert batch.status == PayoutBatch.Status.OPEN


def test_balance_page_needs_a_store(client):
    client.force_login(UserFactory())
    assert client.get("/seller/orders/balance/").status_code == 404


def test_refund_after_delivery_reverses_the_credit(stripe_stub, paid_store):
    from marketplace.payments import gateway
    from marketplace.payments.models import Payment

    order = place_one(ProductFactory(store=paid_store, price=200_000), 1, method="stripe")
    Payment.objects.filter(pk=order.payment_id).update(provider_payment_id="pi_1")
    payment = Payment.objects.get(pk=order.payment_id)
    from marketplace.orders.services.payment_events import orders_payment_succeeded

    orders_payment_succeeded(payment=payment)
    order_accept(order=order, actor=None)
    order_ship(order=order, actor=None, carrier="GHN", tracking_code="1")
    order_deliver(order=order, actor=None)
    gateway.refund(order=Order.objects.get(pk=order.pk), actor=None, reason="Hàng lỗi")
    assert sorted(LedgerEntry.objects.values_list("kind", "amount")) == [("order", 218_500), ("reversal", -218_500)]


def test_officer_pages_render(client, paid_store, officer):
    delivered_order(paid_store)
    from marketplace.orders.services.ledger import payout_batch_create

    today = timezone.localdate()
    batch = payout_batch_create(period_start=today, period_end=today, actor=officer)
    client.force_login(officer)
    listing = client.get("/payouts/").content.decode()
    detail = client.get(f"/payouts/{batch.pk}/").content.decode()
    assert f"/payouts/{batch.pk}/" in listing and "218.500\u00a0₫" in listing
    assert "Vietcombank" in detail and "0071000123456" in detail and "218.500\u00a0₫" in detail


def test_payout_csv_neutralises_formula_text_and_keeps_amounts_numeric(client, officer):
    store = StoreFactory(owner=UserFactory(), name='=HYPERLINK("http://x")', payout_bank_bin="970436",
                         payout_account_number="0071000123456", payout_account_holder="@SUM(A1)")
    delivered_order(store)
    client.force_login(officer)
    today = timezone.localdate()
    client.post("/payouts/", {"period_start": today - datetime.timedelta(days=30), "period_end": today})
    exported = client.get(f"/payouts/{PayoutBatch.objects.get().pk}/csv/")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows == [["store", "bank", "bank_bin", "account_number", "account_holder", "amount_vnd"],
                    ["'=HYPERLINK(\"http://x\")", "Vietcombank", "970436", "0071000123456", "'@SUM(A1)", "218500"]]
