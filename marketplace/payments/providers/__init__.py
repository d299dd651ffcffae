"""Payment providers, keyed by method code. Callers go through `gateway`; adding a provider
(VietQR bank transfer, say) means one module here and one line in PROVIDERS."""

from dataclasses import dataclass
from typing import Protocol

from django.utils.functional import Promise


@dataclass(frozen=True)
class StartResult:
    provider_reference: str
    redirect_url: str


class Provider(Protocol):
    code: str
    label: Promise
    description: Promise
    # Order state a new order starts in: "confirmed" (pay later, in cash) or
    # "pending_payment" (the buyer is sent to pay now).
    initial_order_status: str
    redirects: bool

    # Optional, read through gateway helpers (VietQR has them): `accepts_store(store)`,
    # `pays_store_directly` (no settlement ledger credit), `payment_timeout_minutes`.

    def is_available(self) -> bool: ...

    def start(self, *, payment, attempt, success_url: str, cancel_url: str) -> StartResult: ...

    def refund(self, *, refund) -> str: ...

    def cancel(self, *, payment) -> None: ...


def _registry() -> dict[str, Provider]:
    from marketplace.payments.providers.cod import CashOnDelivery
    from marketplace.payments.providers.stripe.provider import StripeCheckout
    from marketplace.payments.providers.vietqr import VietQRTransfer

    return {p.code: p for p in (CashOnDelivery(), StripeCheckout(), VietQRTransfer())}


PROVIDERS: dict[str, Provider] = _registry()
