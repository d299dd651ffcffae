"""What every payment provider is: `PaymentProvider`, whose defaults are those of a method
with nobody to call (cash on delivery). A provider overrides only what it does
differently; the gateway calls these methods and attributes and never asks whether a
provider has one."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from marketplace.payments.exceptions import PaymentError


@dataclass(frozen=True)
class StartResult:
    provider_reference: str
    redirect_url: str


class PaymentProvider:
    """One payment method behind the gateway. A subclass sets `code` (one of the codes in
    `marketplace.payments.providers`), `label` and `description` (the checkout's choice)."""

    code: str
    label: Promise
    description: Promise
    # Order state a new order starts in: "confirmed" (nothing to wait for: cash is paid on
    # delivery) or "pending_payment" (stock reserved until the money arrives or
    # `payment_timeout_minutes` run out).
    initial_order_status: str = "confirmed"
    # The buyer pays on the provider's own page: `start` sends them there, `refund` gives the
    # money back through the provider and `cancel` closes what is left open there.
    # Without it the gateway never calls those three.
    redirects: bool = False
    # The money goes straight to the store's own account (VietQR): the settlement ledger owes
    # the store nothing, and the store pays refunds back itself.
    pays_store_directly: bool = False
    # `accepts_store` may refuse a store: the method is offered only once the cart's stores
    # are known and all accepted.
    depends_on_store: bool = False

    @property
    def payment_timeout_minutes(self) -> int:
        """How long a `pending_payment` order waits for its money."""
        return settings.ORDERS_PAYMENT_TIMEOUT_MINUTES

    def is_available(self) -> bool:
        """Configured on this site (Stripe needs its key)."""
        return True

    def accepts_store(self, store) -> bool:
        """Whether this store can be paid this way (see `depends_on_store`)."""
        return True

    def start(self, *, payment, attempt, success_url: str, cancel_url: str) -> StartResult:
        """Open the provider's payment page for `payment` with `attempt.idempotency_key`
        (the same key on a retry) and say where to send the buyer. Only for `redirects`."""
        raise PaymentError(_("This payment method is not available."))

    def refund(self, *, refund) -> str:
        """Give `refund.amount` back with `refund.idempotency_key` (the same key on a retry);
        returns the provider's reference. Only for `redirects`."""
        raise PaymentError(_("This payment method is not available."))

    def cancel(self, *, payment) -> None:
        """The payment's orders are all cancelled: close what the buyer could still pay at
        the provider (Stripe expires its Checkout Sessions). Nothing open by default."""
        return None
