from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from onboarding.models import OfficerScope, SellerApplication, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "phone", "is_staff", "date_joined"]
    search_fields = ["email", "full_name", "phone"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "phone")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(OfficerScope)
class OfficerScopeAdmin(admin.ModelAdmin):
    """Superusers limit programme officers to provinces here (no row: every province)."""

    list_display = ["user", "province_codes"]
    autocomplete_fields = ["user"]


@admin.register(SellerApplication)
class SellerApplicationAdmin(admin.ModelAdmin):
    """Read-only view for support; decisions go through the review in the Wagtail admin."""

    list_display = ["__str__", "applicant", "status", "province_code", "submitted_at"]
    list_filter = ["status", "producer_type"]
    search_fields = ["legal_name", "trading_name", "tax_code", "applicant__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
