"""Domain errors of the orders app; views turn them into messages (HTTP 4xx)."""

from django.utils.translation import gettext as _


class OrderError(Exception):
    """A refused action; `str(exc)` is the message for the user."""


class OutOfStock(OrderError):
    def __init__(self, shortages: list[tuple[str, int]]):
        self.shortages = shortages
        listing = "; ".join(_("%(name)s (%(available)s left)") % {"name": name, "available": available}
                            for name, available in shortages)
        super().__init__(_("Not enough stock for: %(products)s. Please change your cart.") % {"products": listing})


class InvalidTransition(OrderError):
    pass


class EmptyCart(OrderError):
    pass
