"""Payment providers, keyed by method code. Callers go through `gateway`; adding a provider
means one subclass of `PaymentProvider` (base.py), one code below and one line in
`registry`.

The codes are what `Payment.method` stores. Only this package spells them out: code
elsewhere imports the constants (`providers.COD`), and a test greps for the strings.
"""

import functools

from marketplace.payments.providers.base import PaymentProvider, StartResult

COD = "cod"
STRIPE = "stripe"
VIETQR = "vietqr"


@functools.cache
def registry() -> dict[str, PaymentProvider]:
    """The providers in the order checkout offers them. Built on first use, not at import:
    the models import the codes above, and the providers' modules import the models."""
    from marketplace.payments.providers.cod import CashOnDelivery
    from marketplace.payments.providers.stripe.provider import StripeCheckout
    from marketplace.payments.providers.vietqr.provider import VietQRTransfer

    return {p.code: p for p in (CashOnDelivery(), StripeCheckout(), VietQRTransfer())}


def __getattr__(name: str):
    # `PROVIDERS` reads as the constant it is, built by `registry` on first use (see there).
    if name == "PROVIDERS":
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COD", "PROVIDERS", "STRIPE", "VIETQR", "PaymentProvider", "StartResult", "registry"]
