"""Cash on delivery: nothing to call. The carrier collects the cash and remits it to the
platform, which pays the store through the settlement ledger like card orders. Every
default of `PaymentProvider` is this method's behaviour."""

from django.utils.translation import gettext_lazy as _

from marketplace.payments.providers import COD
from marketplace.payments.providers.base import PaymentProvider


class CashOnDelivery(PaymentProvider):
    code = COD
    label = _("Cash on delivery")
    description = _("Pay the carrier in cash when your parcel arrives.")
    initial_order_status = "confirmed"
