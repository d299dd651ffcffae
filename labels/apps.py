from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelsConfig(AppConfig):
    """"Tem QR OCOP": printable QR stickers for a store's OCOP products, the public page
    they open (/xac-minh/<code>/) and the daily count of scans. Its own app so its tables and
    migrations stand apart from the catalogue's; it reads marketplace, never the other way."""

    name = "labels"
    verbose_name = _("OCOP QR labels")
