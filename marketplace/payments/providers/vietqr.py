"""VietQR bank transfer (NAPAS 247). The buyer scans a code with a banking app and the money
goes straight to the store's own account: nothing passes through the platform, so there is
no provider to call. The store (or a programme officer) confirms receipt from its dashboard
(`marketplace.payments.transfers`)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from marketplace.payments.exceptions import PaymentError


class VietQRTransfer:
    code = "vietqr"
    label = _("VietQR bank transfer")
    description = _("Scan the code with your banking app: the money goes straight to the store's account.")
    initial_order_status = "pending_payment"
    redirects = False
    # The money reaches the seller directly: the settlement ledger owes the store nothing.
    pays_store_directly = True

    def is_available(self) -> bool:
        return True

    def accepts_store(self, store) -> bool:
        """A store can only be paid by transfer once it has given its bank account."""
        return store.has_payout_details

    @property
    def payment_timeout_minutes(self) -> int:
        # Longer than a card payment: the seller must see the transfer in the bank app
        # and confirm it before the reservation runs out.
        return settings.ORDERS_TRANSFER_TIMEOUT_MINUTES

    def start(self, *, payment, attempt, success_url, cancel_url):
        raise PaymentError(_("A bank transfer needs no online payment page."))

    def refund(self, *, refund) -> str:
        # Never reached: gateway.refund records a store's own pay-back without a provider call.
        raise PaymentError(_("Bank transfers are paid back by the store, by bank transfer."))

    def cancel(self, *, payment) -> None:
        return None
