from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Marketplace")

    def ready(self):
        from marketplace import page_cache
        from marketplace.checklist import course_completed
        from training import signals as training

        # Each change reaches the cached pages that show it (marketplace/page_cache.py).
        page_cache.connect()
        # A completed starter course may complete a store's go-live checklist.
        training.course_completed.connect(course_completed, dispatch_uid="checklist-course-completed")
        # The cached filter form lists the product groups.
        from django.db.models.signals import post_delete, post_save

        from marketplace.models import Category
        from marketplace.templatetags.catalogue_filters import groups_changed

        for signal in (post_save, post_delete):
            signal.connect(groups_changed, sender=Category, dispatch_uid=f"filter-groups-{signal is post_save}")

