from django.contrib import admin

from onboarding.models import OfficerScope, SellerApplication


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
