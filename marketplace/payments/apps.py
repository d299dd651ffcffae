from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """The only package that knows about payment providers (gateway.py is the entry)."""

    name = "marketplace.payments"
    label = "payments"
    verbose_name = _("Payments")
