"""`{% vietqr_transfer order %}` (buyer: code + details while the order waits) and
`{% vietqr_seller_confirm order %}` (seller: "transfer received" button), the pages' side of
the VietQR provider (`marketplace.payments.providers.vietqr`). No queries: the views load
`order.store` and `order.payment`."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from marketplace.payments.providers.vietqr.provider import awaits_transfer, transfer_instructions

register = template.Library()


@register.inclusion_tag("payments/_vietqr_transfer.html")
def vietqr_transfer(order, token=""):
    """`token`: the order's secret link token when the page was reached with it (guests),
    so the "save the code" link opens for them too (`views.transfer_qr_png`)."""
    transfer = transfer_instructions(order) if awaits_transfer(order) else None
    png_url = ""
    if transfer:
        png_url = reverse("payments:vietqr_png", args=[order.number]) + (f"?{urlencode({'t': token})}" if token else "")
    return {"order": order, "transfer": transfer, "png_url": png_url,
            "svg": mark_safe(transfer.svg()) if transfer else ""}  # noqa: S308 (segno's own SVG, no user text)


@register.inclusion_tag("payments/_vietqr_confirm.html", takes_context=True)
def vietqr_seller_confirm(context, order):
    waiting = awaits_transfer(order)
    return {"order": order, "waiting": waiting, "csrf_token": context.get("csrf_token"),
            "transfer": transfer_instructions(order) if waiting else None}
