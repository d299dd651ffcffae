from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms.templatetags.navigation import menu_changed

        # The cached header menu shows the site root's live pages (cms/templatetags/navigation.py).
        for name, signal in (("published", page_published), ("unpublished", page_unpublished),
                             ("moved", post_page_move)):
            signal.connect(menu_changed, dispatch_uid=f"header-menu-{name}")
        post_delete.connect(_page_deleted, dispatch_uid="header-menu-delete")
        # The home page's rankings and figures, computed off the request path (cms/home.py).
        from cms import home

        home.connect()


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        from cms.templatetags.navigation import menu_changed

        menu_changed()
