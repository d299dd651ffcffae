from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        from training.signals import course_completed

        # A completed course may make its learner "trained": the programme figures band is
        # the only cached part that shows it (a lesson done changes no cached page).
        course_completed.connect(_figures_changed, dispatch_uid="page-cache-course-completed")


def _figures_changed(sender, **kwargs):
    from core.cache import bump_page_tags

    bump_page_tags("figures")  # sent after commit already
