"""Domain errors of the payments package; views turn them into messages."""


class PaymentError(Exception):
    """A payment action is not possible (wrong state, method not available...)."""


class PaymentProviderError(PaymentError):
    """The provider could not be reached or refused the call; safe to retry (same key)."""
