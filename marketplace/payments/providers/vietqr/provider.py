"""VietQR bank transfer (NAPAS 247). The buyer scans a code with a banking app and the money
goes straight to the store's own account: nothing passes through the platform, so there is
no provider to call. The store (or a programme officer) confirms receipt from its dashboard
(`transfer_confirm_received`).

One checkout has one Payment but one transfer per store (each store has its own account),
so each order is confirmed on its own; the Payment becomes paid when none is left waiting.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.banks import Bank, bank_for_bin
from marketplace.orders.services import payment_events
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.providers import VIETQR
from marketplace.payments.providers.base import PaymentProvider
from marketplace.payments.providers.vietqr.payload import TransferRequest, qr_png, qr_svg, transfer_note


class VietQRTransfer(PaymentProvider):
    """Nothing to start, refund or close at a provider (`redirects` stays False): a refund
    is the store's own transfer back, recorded by `gateway.refund`."""

    code = VIETQR
    label = _("VietQR bank transfer")
    description = _("Scan the code with your banking app: the money goes straight to the store's account.")
    initial_order_status = "pending_payment"
    # The money reaches the seller directly: the settlement ledger owes the store nothing.
    pays_store_directly = True
    depends_on_store = True

    def accepts_store(self, store) -> bool:
        """A store can only be paid by transfer once it has given its bank account."""
        return store.has_payout_details

    @property
    def payment_timeout_minutes(self) -> int:
        # Longer than a card payment: the seller must see the transfer in the bank app
        # and confirm it before the reservation runs out.
        return settings.ORDERS_TRANSFER_TIMEOUT_MINUTES


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

    def png(self) -> bytes:
        return qr_png(self.payload)

    @property
    def png_filename(self) -> str:
        """"vietqr-OC2611000123.png": the note is the order number in ASCII letters and digits."""
        return f"vietqr-{''.join(c for c in self.note if c.isascii() and c.isalnum())}.png"


def awaits_transfer(order) -> bool:
    """The order waits for the buyer's transfer: the pages show its code, and only then."""
    return order.status == "pending_payment" and order.payment.is_bank_transfer


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
    naming who confirmed and when, and the buyer is told (order_notify "paid"); the payment
    too once none of its orders waits. Locks the payment before the order, like every
    path in `payment_events`."""
    payment = payment_events.lock_payment_of(order.pk)
    if not payment.is_bank_transfer:
        raise PaymentError(gettext("This order is not paid by bank transfer."))
    return payment_events.order_transfer_received(payment=payment, order_id=order.pk, actor=actor)
