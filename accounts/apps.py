from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from accounts.backends import _forget_changed_user

        user_model = get_user_model()
        post_save.connect(_forget_changed_user, sender=user_model, dispatch_uid="accounts-forget-user-save")
        post_delete.connect(_forget_changed_user, sender=user_model, dispatch_uid="accounts-forget-user-delete")
