"""The store's "transfer received" button (POST). A seller reaches only the orders of
their own stores (`Order.objects.for_seller`); a programme officer any order; anyone else
gets a 404 and nothing changes.

The buyer's "save the code" (GET): the code of the order page as a PNG download, for the
person who may see that page (the signed-in buyer, or the secret link's token); anyone
else, or an order no longer waiting for a transfer, gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import PROGRAMME_OFFICERS, user_in_group
from marketplace.orders import selectors
from marketplace.orders.exceptions import OrderError
from marketplace.orders.models import Order
from marketplace.orders.views import refuse
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.providers.vietqr.provider import (
    awaits_transfer,
    transfer_confirm_received,
    transfer_instructions,
)


def _order_for(user, number: str) -> Order:
    orders = Order.objects.all() if user_in_group(user, PROGRAMME_OFFICERS) else Order.objects.for_seller(user)
    order = orders.select_related("store", "payment").filter(number=number).first()
    if order is None:
        raise Http404
    return order


@login_required
@require_POST
def transfer_received(request, number):
    order = _order_for(request.user, number)
    back = f"/seller/orders/{order.number}/" if Order.objects.for_seller(request.user).filter(pk=order.pk).exists() \
        else "/django-admin/orders/order/"
    try:
        transfer_confirm_received(order=order, actor=request.user)
    except (OrderError, PaymentError) as exc:
        return refuse(request, str(exc), status=409, back=back)
    messages.success(request, _("Transfer for order %(number)s recorded: the order is paid.")
                     % {"number": order.number})
    return redirect(back)


@never_cache
@require_GET
def transfer_qr_png(request, number):
    """"Lưu ảnh mã QR": the same payload as the SVG on the page, as an attachment named
    after the order (vietqr-OC2611000123.png), never stored by a shared cache."""
    order = selectors.order_for_buyer(number=number, user=request.user, token=request.GET.get("t"))
    transfer = transfer_instructions(order) if order is not None and awaits_transfer(order) else None
    if transfer is None:
        raise Http404
    response = HttpResponse(transfer.png(), content_type="image/png")
    response["Content-Disposition"] = content_disposition_header(True, transfer.png_filename)
    return response
