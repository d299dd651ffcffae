"""Cash on delivery: nothing to call. The carrier collects the cash and remits it to the
platform, which pays the store through the settlement ledger like card orders."""

from django.utils.translation import gettext_lazy as _

from marketplace.payments.exceptions import PaymentError


class CashOnDelivery:
    code = "cod"
    label = _("Cash on delivery")
    description = _("Pay the carrier in cash when your parcel arrives.")
    initial_order_status = "confirmed"
    redirects = False

    def is_available(self) -> bool:
        return True

    def start(self, *, payment, attempt, success_url, cancel_url):
        raise PaymentError(_("Cash on delivery needs no online payment."))

    def refund(self, *, refund) -> str:
        raise PaymentError(_("Cash on delivery orders are refunded in cash by the seller."))

    def cancel(self, *, payment) -> None:
        return None
