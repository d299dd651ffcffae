from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import pages
        from core.cache import connect_invalidation

        connect_invalidation()
        pages.install()  # ASCII page slugs, unique among siblings (core/pages.py)
