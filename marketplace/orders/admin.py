from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from marketplace.orders.exceptions import OrderError
from marketplace.orders.models import LedgerEntry, Order, OrderEvent, OrderLine, PayoutBatch, Review


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    readonly_fields = ["product", "product_name", "sku", "unit_price", "quantity"]


class OrderEventInline(admin.TabularInline):
    model = OrderEvent
    extra = 0
    readonly_fields = ["action", "status", "actor", "note", "created_at"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["number", "store", "status", "total", "created_at"]
    list_filter = ["status"]
    search_fields = ["number", "email", "phone"]
    list_select_related = ["store"]
    inlines = [OrderLineInline, OrderEventInline]
    readonly_fields = [f.name for f in Order._meta.fields]
    actions = ["refund_orders", "record_transfers"]

    @admin.action(description=_("Refund the selected card orders"))
    def refund_orders(self, request, queryset):
        """Staff refunds go through the payments gateway, like the seller's button."""
        from marketplace.payments import gateway
        from marketplace.payments.exceptions import PaymentError

        for order in queryset:
            try:
                gateway.refund(order=order, actor=request.user, reason=str(_("Refunded by the platform staff.")))
            except (OrderError, PaymentError) as exc:
                self.message_user(request, f"{order.number}: {exc}", messages.ERROR)
            else:
                self.message_user(request, _("Order %(number)s refunded.") % {"number": order.number},
                                  messages.SUCCESS)

    @admin.action(description=_("Record the bank transfer (VietQR) as received"))
    def record_transfers(self, request, queryset):
        """Programme officers confirm a VietQR transfer for a store, like the seller's button."""
        from marketplace.payments.exceptions import PaymentError
        from marketplace.payments.providers.vietqr.provider import transfer_confirm_received

        for order in queryset:
            try:
                transfer_confirm_received(order=order, actor=request.user)
            except (OrderError, PaymentError) as exc:
                self.message_user(request, f"{order.number}: {exc}", messages.ERROR)
            else:
                self.message_user(request, _("Order %(number)s is paid.") % {"number": order.number},
                                  messages.SUCCESS)


admin.site.register(LedgerEntry, list_display=["store", "order", "kind", "amount", "payout", "created_at"],
                    list_select_related=["store", "order"])
admin.site.register(PayoutBatch, list_display=["period_start", "period_end", "status", "paid_at"])
admin.site.register(Review, list_display=["product", "buyer", "rating", "created_at"])
