from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms.choosers import product_chooser_viewset, store_chooser_viewset
from cms.program.access import is_programme_officer, require_officer


class ProgrammeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_officer(request.user)


@hooks.register("register_admin_menu_item")
def register_programme_menu_item():
    return ProgrammeMenuItem(_("Programme dashboard"), "/program/", icon_name="table", order=150)


@hooks.register("register_admin_viewset")
def register_choosers():
    return [product_chooser_viewset, store_chooser_viewset]


class ProgrammePanel(Component):
    """The admin home's summary for officers: this quarter's headline figures in their
    provinces and a link to /program/ (a handful of aggregate queries)."""

    name = "programme"
    order = 90
    template_name = "cms/admin/programme_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from cms.program.figures import Scope
        from cms.program.figures.catalogue import ocop_figures, store_figures
        from cms.program.figures.sales import payment_figures
        from cms.program.periods import DEFAULT_PRESET, preset_period

        scope = Scope(period=preset_period(DEFAULT_PRESET), provinces=require_officer(self.user))
        return {"stores": store_figures(scope), "ocop": ocop_figures(scope), "payments": payment_figures(scope)}


@hooks.register("construct_homepage_panels")
def add_programme_panel(request, panels):
    if is_programme_officer(request.user):
        panels.append(ProgrammePanel(request.user))
