from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.orders.checkout import build_checkout_context
from marketplace.orders.exceptions import OrderError
from marketplace.orders.forms import QuantityForm
from marketplace.orders.services.cart import Cart, cart_add, cart_update
from marketplace.orders.views import refuse


def cart_detail(request):
    context = build_checkout_context(Cart(request).quantities())
    return render(request, "orders/cart.html", {"checkout": context})


def _next_url(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


@require_POST
def cart_add_view(request):
    form = QuantityForm(request.POST)
    if not form.is_valid() or form.cleaned_data["quantity"] < 1:
        return refuse(request, _("Choose a quantity of at least 1."), back=_next_url(request, "/cart/"))
    try:
        product, quantity, capped = cart_add(cart=Cart(request), product_id=form.cleaned_data["product"],
                                             quantity=form.cleaned_data["quantity"])
    except OrderError as exc:
        return refuse(request, str(exc), status=409, back=_next_url(request, "/cart/"))
    if capped:
        messages.warning(request, _("Only %(stock)s of %(name)s in stock: your cart holds %(quantity)s.")
                         % {"stock": product.stock, "name": product.name, "quantity": quantity})
    else:
        messages.success(request, _("%(name)s added to your cart.") % {"name": product.name})
    return redirect("orders:cart")


@require_POST
def cart_update_view(request):
    form = QuantityForm(request.POST)
    if not form.is_valid():
        return refuse(request, _("Enter a quantity between 0 and 999."))
    quantity = 0 if "remove" in request.POST else form.cleaned_data["quantity"]
    try:
        final, capped = cart_update(cart=Cart(request), product_id=form.cleaned_data["product"], quantity=quantity)
    except OrderError as exc:
        return refuse(request, str(exc), status=409)
    if capped:
        messages.warning(request, _("Only %(stock)s left in stock: quantity set to %(stock)s.") % {"stock": final})
    elif final == 0:
        messages.success(request, _("Removed from your cart."))
    else:
        messages.success(request, _("Cart updated."))
    return redirect("orders:cart")
