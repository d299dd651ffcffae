from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.orders import selectors
from marketplace.orders.exceptions import OrderError
from marketplace.orders.forms import ReviewForm
from marketplace.orders.models import Order
from marketplace.orders.services.orders import order_complete
from marketplace.orders.services.payment_events import order_cancel
from marketplace.orders.services.reviews import review_create
from marketplace.orders.views import refuse


@login_required
def order_list(request):
    page = Paginator(selectors.buyer_orders(request.user), 20).get_page(request.GET.get("page"))
    return render(request, "orders/order_list.html", {"page": page, "orders": page.object_list})


def _order_or_404(request, number) -> Order:
    order = selectors.order_for_buyer(number=number, user=request.user,
                                      token=request.GET.get("t") or request.POST.get("t"))
    if order is None:
        raise Http404
    return order


def order_detail(request, number):
    order = _order_or_404(request, number)
    reviewed = set()
    if request.user.is_authenticated:
        reviewed = set(order.reviews.filter(buyer=request.user).values_list("product_id", flat=True))
    can_review = order.buyer_id is not None and order.buyer_id == request.user.pk and order.status in (
        Order.Status.DELIVERED, Order.Status.COMPLETED)
    return render(request, "orders/order_detail.html", {
        "order": order, "token": request.GET.get("t", ""), "reviewed": reviewed, "can_review": can_review,
        "review_form": ReviewForm(),
        "can_cancel": order.accepted_at is None
        and order.status in (Order.Status.CONFIRMED, Order.Status.PENDING_PAYMENT)})


def _back(order, token):
    url = f"/orders/{order.number}/"
    return url + (f"?t={token}" if token else "")


@require_POST
def order_received(request, number):
    order = _order_or_404(request, number)
    try:
        order_complete(order=order, actor=request.user)
    except OrderError as exc:
        return refuse(request, str(exc), status=409, back=_back(order, request.POST.get("t")))
    messages.success(request, _("Thank you! Order %(number)s is completed.") % {"number": order.number})
    return redirect(_back(order, request.POST.get("t")))


@require_POST
def order_cancel_by_buyer(request, number):
    order = _order_or_404(request, number)
    if order.accepted_at is not None:
        return refuse(request, _("The seller has already confirmed this order: contact them to cancel it."),
                      status=409, back=_back(order, request.POST.get("t")))
    try:
        order_cancel(order=order, actor=request.user, reason=_("Cancelled by the buyer."))
    except OrderError as exc:
        return refuse(request, str(exc), status=409, back=_back(order, request.POST.get("t")))
    messages.success(request, _("Order %(number)s is cancelled.") % {"number": order.number})
    return redirect(_back(order, request.POST.get("t")))


@login_required
@require_POST
def order_review(request, number):
    order = _order_or_404(request, number)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return refuse(request, _("Choose 1 to 5 stars and keep the review under 500 characters."),
                      status=422, back=_back(order, ""))
    try:
        review_create(buyer=request.user, order=order, product_id=form.cleaned_data["product"],
                      rating=form.cleaned_data["rating"], text=form.cleaned_data["text"])
    except OrderError as exc:
        return refuse(request, str(exc), status=409, back=_back(order, ""))
    messages.success(request, _("Thank you for your review."))
    return redirect(_back(order, ""))
