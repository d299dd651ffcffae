"""Settlement ledger: the platform owes each store its delivered orders minus commission,
and pays it in payout batches (no Stripe Connect for sellers in Vietnam)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.orders.exceptions import OrderError
from marketplace.orders.models import LedgerEntry, Order, Payout, PayoutBatch


def commission_for(total: int) -> int:
    percent = Decimal(str(settings.ORDERS_COMMISSION_PERCENT))
    return int((Decimal(total) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ledger_credit_order(*, order: Order) -> LedgerEntry | None:
    """Credit a delivered order once (unique per order): COD cash is remitted by the carrier
    to the platform, card money is on the platform's Stripe account; both reach the store
    through the ledger."""
    from marketplace.payments.gateway import pays_store_directly

    if order.status != Order.Status.DELIVERED:
        return None
    if pays_store_directly(order.payment.method):
        return None  # VietQR: the buyer paid the store's own account; the platform holds nothing
    commission = commission_for(order.total)
    try:
        with transaction.atomic():
            return LedgerEntry.objects.create(store=order.store, order=order, kind=LedgerEntry.Kind.ORDER,
                                              gross=order.total, commission=commission,
                                              amount=order.total - commission)
    except IntegrityError:
        return None


def ledger_reverse_order(*, order: Order) -> LedgerEntry | None:
    credit = LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.ORDER).first()
    if credit is None:
        return None
    try:
        with transaction.atomic():
            return LedgerEntry.objects.create(store=order.store, order=order, kind=LedgerEntry.Kind.REVERSAL,
                                              gross=-credit.gross, commission=-credit.commission,
                                              amount=-credit.amount)
    except IntegrityError:
        return None


@transaction.atomic
def payout_batch_create(*, period_start: datetime.date, period_end: datetime.date, actor) -> PayoutBatch:
    """Gather every unbatched entry up to `period_end` per store with payout details and a
    positive sum. Stores without bank details stay in the ledger for the next batch."""
    if period_end < period_start:
        raise OrderError(_("The period ends before it starts."))
    end = timezone.make_aware(datetime.datetime.combine(period_end + datetime.timedelta(days=1), datetime.time.min))
    entries = (LedgerEntry.objects.select_for_update().filter(payout=None, created_at__lt=end)
               .select_related("store").order_by("store_id", "pk"))
    by_store: dict[int, list[LedgerEntry]] = {}
    for entry in entries:
        by_store.setdefault(entry.store_id, []).append(entry)
    batch = PayoutBatch(period_start=period_start, period_end=period_end, created_by=actor)
    batch.full_clean()
    batch.save()
    for rows in by_store.values():
        store = rows[0].store
        amount = sum(e.amount for e in rows)
        if amount <= 0 or not store.has_payout_details:
            continue
        payout = Payout.objects.create(batch=batch, store=store, amount=amount, bank_bin=store.payout_bank_bin,
                                       account_number=store.payout_account_number,
                                       account_holder=store.payout_account_holder)
        LedgerEntry.objects.filter(pk__in=[e.pk for e in rows]).update(payout=payout)
    if not batch.payouts.exists():
        raise OrderError(_("Nothing to pay for this period."))
    return batch


@transaction.atomic
def payout_batch_mark_paid(*, batch: PayoutBatch, actor) -> PayoutBatch:
    batch = PayoutBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == PayoutBatch.Status.PAID:
        raise OrderError(_("This batch is already marked paid."))
    batch.status = PayoutBatch.Status.PAID
    batch.paid_at = timezone.now()
    batch.paid_by = actor
    batch.save()
    return batch
