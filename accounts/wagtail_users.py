"""The Wagtail admin's user screens for this user model: full name and phone number, as
people enter them when they sign up, instead of Wagtail's required first and last name
(fields this model keeps only for Django's sake and that sign-up leaves empty, so an
officer could not save a buyer's account without inventing both).

Wired by `accounts.apps.WagtailUsersConfig`, which replaces `wagtail.users` in
INSTALLED_APPS and names `UserViewSet` below, as Wagtail's documentation on custom user
models describes.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.phone import normalize_vn_phone


class _AccountFields(forms.ModelForm):
    """Full name and phone number in place of first and last name."""

    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(
        label=_("Phone number (optional)"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        return normalize_vn_phone(phone) if phone else ""


class UserCreationForm(_AccountFields, wagtail_forms.UserCreationForm):
    class Meta(wagtail_forms.UserCreationForm.Meta):
        fields = ["email", "full_name", "phone", "is_superuser", "groups"]


class UserEditForm(_AccountFields, wagtail_forms.UserEditForm):
    class Meta(wagtail_forms.UserEditForm.Meta):
        fields = ["email", "full_name", "phone", "is_active", "is_superuser", "groups"]


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/wagtail_users/create.html"
    edit_template_name = "accounts/wagtail_users/edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
