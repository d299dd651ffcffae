from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    """Cart, checkout, orders, settlement ledger and reviews: its own app (label `orders`)
    so its migrations stand apart from the catalogue's."""

    name = "marketplace.orders"
    label = "orders"
    verbose_name = _("Orders")

    def ready(self):
        from marketplace.orders import signals  # noqa: F401
