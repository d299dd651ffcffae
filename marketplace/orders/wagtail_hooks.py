from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.roles import PROGRAMME_OFFICERS, user_in_group


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return user_in_group(request.user, PROGRAMME_OFFICERS)


@hooks.register("register_admin_menu_item")
def register_payouts_menu_item():
    return OfficerMenuItem(_("Seller payouts"), reverse("orders:payouts"), icon_name="doc-full", order=900)
