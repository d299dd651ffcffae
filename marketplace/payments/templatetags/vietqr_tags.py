"""`{% vietqr_transfer order %}` (buyer: code + details while the order waits) and
`{% vietqr_seller_confirm order %}` (seller: "transfer received" button), the pages' side of
the VietQR provider (`marketplace.payments.providers.vietqr`). No queries: the views load
`order.store` and `order.payment`."""

from django import template
from django.utils.safestring import mark_safe

from marketplace.payments.providers.vietqr.provider import transfer_instructions

register = template.Library()


def _waiting(order) -> bool:
    return order.status == "pending_payment" and order.payment.is_bank_transfer


@register.inclusion_tag("payments/_vietqr_transfer.html")
def vietqr_transfer(order):
    transfer = transfer_instructions(order) if _waiting(order) else None
    return {"order": order, "transfer": transfer, "svg": mark_safe(transfer.svg()) if transfer else ""}  # noqa: S308 (segno's own SVG, no user text)


@register.inclusion_tag("payments/_vietqr_confirm.html", takes_context=True)
def vietqr_seller_confirm(context, order):
    waiting = _waiting(order)
    return {"order": order, "waiting": waiting, "csrf_token": context.get("csrf_token"),
            "transfer": transfer_instructions(order) if waiting else None}
