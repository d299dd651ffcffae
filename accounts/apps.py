from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module holds a second config (WagtailUsersConfig, below)
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from accounts.backends import _forget_changed_user

        user_model = get_user_model()
        post_save.connect(_forget_changed_user, sender=user_model, dispatch_uid="accounts-forget-user-save")
        post_delete.connect(_forget_changed_user, sender=user_model, dispatch_uid="accounts-forget-user-delete")


class WagtailUsersConfig(WagtailUsersAppConfig):
    """`wagtail.users` with this project's user screens (accounts/wagtail_users.py)."""

    user_viewset = "accounts.wagtail_users.UserViewSet"
