"""VietQR bank transfers: what the buyer needs to pay one store order, and the store's
confirmation that the money arrived.

One checkout has one Payment but one transfer per store (each store has its own account),
so each order is confirmed on its own; the Payment becomes paid when none is left waiting.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.banks import Bank, bank_for_bin
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.models import Payment
from marketplace.payments.providers.vietqr import VietQRTransfer
from marketplace.payments.vietqr import TransferRequest, qr_svg, transfer_note


@dataclass(frozen=True)
class TransferInstructions:
    bank: Bank | None
    bank_bin: str
    account_number: str
    account_holder: str
    amount: int
    note: str
    payload: str

    @property
    def bank_name(self) -> str:
        return f"{self.bank.short_name} — {self.bank.name}" if self.bank else self.bank_bin

    def svg(self) -> str:
        return qr_svg(self.payload, title=f"VietQR {self.note}")


def is_transfer_order(order) -> bool:
    return order.payment.method == VietQRTransfer.code


def transfer_instructions(order) -> TransferInstructions | None:
    """The code and the details for one order (no query: `order.store` and `order.payment`
    are loaded by the caller). None when the store has no usable bank account."""
    store = order.store
    if not store.has_payout_details:
        return None
    note = transfer_note(order.number)
    request = TransferRequest(bank_bin=store.payout_bank_bin, account_number=store.payout_account_number,
                              amount=int(order.total), note=note)
    return TransferInstructions(bank=bank_for_bin(store.payout_bank_bin), bank_bin=store.payout_bank_bin,
                                account_number=store.payout_account_number,
                                account_holder=store.payout_account_holder, amount=int(order.total), note=note,
                                payload=request.payload())


@transaction.atomic
def transfer_confirm_received(*, order, actor):
    """The store saw the transfer in its bank account: the order becomes paid, with an event
    naming who confirmed and when, and the buyer is told (order_notify "paid"). Locks the
    payment before the order, like every other payment path."""
    from marketplace.orders.services.payments import order_transfer_received

    payment = Payment.objects.select_for_update().get(orders__pk=order.pk)
    if payment.method != VietQRTransfer.code:
        raise PaymentError(_("This order is not paid by bank transfer."))
    order = order_transfer_received(order_id=order.pk, actor=actor)
    if payment.status == Payment.Status.PENDING and not payment.orders.filter(status="pending_payment").exists():
        payment.status = Payment.Status.PAID
        payment.paid_at = timezone.now()
        payment.save(update_fields=["status", "paid_at"])
    return order
