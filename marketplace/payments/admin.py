from django.contrib import admin

from marketplace.payments.models import Payment, Refund, WebhookEvent

admin.site.register(Payment, list_display=["reference", "method", "status", "amount", "created_at"],
                    list_filter=["method", "status"])
admin.site.register(Refund, list_display=["payment", "order", "amount", "status", "created_at"])
admin.site.register(WebhookEvent, list_display=["provider", "type", "event_id", "received_at"])
