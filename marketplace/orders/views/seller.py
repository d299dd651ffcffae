"""Seller order pages under /seller/orders/. Every lookup goes through
`Order.objects.for_seller(user)` (Store.objects.for_user): another store's order is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.models import Store
from marketplace.orders import selectors
from marketplace.orders.exceptions import OrderError
from marketplace.orders.forms import CancelForm, SellerOrderFilter, ShipForm
from marketplace.orders.models import Order
from marketplace.orders.services import orders as order_services
from marketplace.orders.services.payment_events import order_cancel
from marketplace.orders.views import refuse
from marketplace.payments import gateway
from marketplace.payments.exceptions import PaymentError


@login_required
def seller_order_list(request):
    filters = SellerOrderFilter(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    page = Paginator(selectors.seller_orders(request.user, status=status), 25).get_page(request.GET.get("page"))
    return render(request, "orders/seller_order_list.html",
                  {"page": page, "orders": page.object_list, "filters": filters, "status": status})


def _seller_order(request, number) -> Order:
    order = selectors.seller_order(request.user, number)
    if order is None:
        raise Http404
    return order


@login_required
def seller_order_detail(request, number):
    order = _seller_order(request, number)
    return render(request, "orders/seller_order_detail.html", {
        "order": order, "ship_form": ShipForm(), "cancel_form": CancelForm(),
        "can_refund": gateway.refund_supported(order.payment.method)
        and order.status in order_services.ALLOWED_FROM[order_services.A.REFUNDED]})


def _done(request, order, message):
    messages.success(request, message % {"number": order.number})
    return redirect("orders:seller_order", number=order.number)


def _refused(order, request, exc):
    return refuse(request, str(exc), status=409, back=f"/seller/orders/{order.number}/")


@login_required
@require_POST
def seller_order_action(request, number, action):
    order = _seller_order(request, number)
    back = f"/seller/orders/{order.number}/"
    try:
        if action == "confirm":
            order_services.order_accept(order=order, actor=request.user)
            return _done(request, order, _("Order %(number)s confirmed."))
        if action == "deliver":
            order_services.order_deliver(order=order, actor=request.user)
            return _done(request, order, _("Order %(number)s marked delivered."))
        if action == "ship":
            form = ShipForm(request.POST)
            if not form.is_valid():
                return refuse(request, _("Enter the carrier and the tracking code."), status=422, back=back)
            order_services.order_ship(order=order, actor=request.user, **form.cleaned_data)
            return _done(request, order, _("Order %(number)s marked shipped."))
        if action == "cancel":
            form = CancelForm(request.POST)
            if not form.is_valid():
                return refuse(request, _("Give a reason for cancelling."), status=422, back=back)
            if order.status == Order.Status.PAID:
                gateway.refund(order=order, actor=request.user, reason=form.cleaned_data["reason"])
                return _done(request, order, _("Order %(number)s cancelled and refunded."))
            order_cancel(order=order, actor=request.user, reason=form.cleaned_data["reason"])
            return _done(request, order, _("Order %(number)s cancelled."))
        if action == "refund":
            gateway.refund(order=order, actor=request.user, reason=request.POST.get("reason", "")[:300])
            return _done(request, order, _("Order %(number)s refunded."))
    except (OrderError, PaymentError) as exc:
        return _refused(order, request, exc)
    raise Http404


@login_required
def seller_balance(request):
    stores = list(Store.objects.for_user(request.user))
    if not stores:
        raise Http404
    return render(request, "orders/seller_balance.html",
                  {"settlements": selectors.store_settlements(stores)})
