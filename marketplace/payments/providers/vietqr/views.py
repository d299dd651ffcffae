"""The store's "transfer received" button (POST). A seller reaches only the orders of
their own stores (`Order.objects.for_seller`); a programme officer any order; anyone else
gets a 404 and nothing changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import PROGRAMME_OFFICERS, user_in_group
from marketplace.orders.exceptions import OrderError
from marketplace.orders.models import Order
from marketplace.orders.views import refuse
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.providers.vietqr.provider import transfer_confirm_received


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
