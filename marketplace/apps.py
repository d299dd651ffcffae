from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Marketplace")

    def ready(self):
        from marketplace.checklist import course_completed
        from marketplace.signals import products_changed
        from training import signals as training

        # Bulk stock and price changes reach the anonymous page cache (search listens too).
        products_changed.connect(_refresh_page_cache, dispatch_uid="page-cache-products-changed")
        # A completed starter course may complete a store's go-live checklist.
        training.course_completed.connect(course_completed, dispatch_uid="checklist-course-completed")


def _refresh_page_cache(sender, **kwargs):
    from django.db import transaction

    from core.cache import bump_catalogue_version

    transaction.on_commit(bump_catalogue_version)
