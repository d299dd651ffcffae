import secrets

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core import divisions
from marketplace.orders.checkout import DeliveryDetails, build_checkout_context
from marketplace.orders.exceptions import OrderError
from marketplace.orders.forms import CheckoutForm
from marketplace.orders.services.cart import Cart
from marketplace.orders.services.checkout import checkout_place
from marketplace.payments import gateway, providers
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.models import Payment


def _initial(request) -> dict:
    user, key = request.user, {"submission_key": secrets.token_urlsafe(24)}
    if not user.is_authenticated:
        return {"method": providers.COD, **key}
    return {"email": user.email, "contact_name": getattr(user, "full_name", ""),
            "phone": getattr(user, "phone", ""), "method": providers.COD, **key}


def checkout(request):
    cart = Cart(request)
    if request.method == "POST" and "show_wards" not in request.POST:
        placed = _already_placed(request.POST.get("submission_key", ""))
        if placed is not None:  # the same form again (double click, a retry): its first answer
            cart.clear()
            return redirect("orders:placed", reference=placed.reference)
    context = build_checkout_context(cart.quantities())
    if context.is_empty:
        messages.info(request, _("Your cart is empty."))
        return redirect("orders:cart")
    status = 200
    stores = [group.store for group in context.groups]
    if request.method == "POST" and "show_wards" in request.POST:
        # Step one of the address without JavaScript: redisplay with this province's wards.
        form = CheckoutForm(initial={k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"},
                            stores=stores)
    elif request.method == "POST":
        form = CheckoutForm(request.POST, stores=stores)
        if form.is_valid():
            data = form.cleaned_data
            details = DeliveryDetails(email=data["email"], contact_name=data["contact_name"].strip(),
                                      phone=data["phone"], province_code=data["province_code"],
                                      ward_code=data["ward_code"], street=data["street"].strip())
            try:
                payment = checkout_place(context=context, details=details, method=data["method"], buyer=request.user,
                                         submission_key=data["submission_key"] or None)
            except (OrderError, PaymentError) as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                cart.clear()
                return _after_placing(request, payment)
        else:
            status = 422
    else:
        form = CheckoutForm(initial=_initial(request), stores=stores)
    card_available = any(p.redirects for p in gateway.available_methods())
    no_transfer = gateway.stores_refused(gateway.get_provider(providers.VIETQR), stores)
    return render(request, "orders/checkout.html", {"checkout": context, "form": form, "no_transfer": no_transfer,
                                                     "card_available": card_available}, status=status)


def _already_placed(key: str) -> Payment | None:
    return Payment.objects.filter(submission_key=key).first() if key and len(key) <= 64 else None


def _after_placing(request, payment: Payment):
    thanks = redirect("orders:placed", reference=payment.reference)
    try:
        url = gateway.start_payment(payment=payment)
    except PaymentError:
        messages.error(request, _("The card payment page could not be opened. Your order is kept: try again below."))
        return thanks
    return redirect(url) if url else thanks


def checkout_placed(request, reference):
    """The confirmation page. Its address holds the payment's random reference, so only the
    person who placed the order (and its e-mail) knows it."""
    payment = get_object_or_404(Payment, reference=reference)
    orders = list(payment.orders.select_related("store").prefetch_related("lines").order_by("pk"))
    return render(request, "orders/placed.html", {"payment": payment, "orders": orders,
                                                   "can_pay": payment.status == Payment.Status.PENDING})


@require_GET
def checkout_wards(request):
    """The wards of one province as JSON, for checkout.js to fill the ward list as soon as a
    province is chosen (without JavaScript, "Show wards" redisplays the form instead):
    `?province=46` → {"province": 46, "wards": [{"code": 19753, "name": "Phường …"}, …]}.
    Not a number: 400; no such province: 404; both with {"detail": "<reason, in the
    visitor's language>"}. The list changes only with the divisions package: cacheable."""
    raw = request.GET.get("province", "").strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        return JsonResponse({"detail": _("Choose a province from the list.")}, status=400)
    code = int(raw)
    if not divisions.province_name(code):
        return JsonResponse({"detail": _("Unknown province.")}, status=404)
    response = JsonResponse({"province": code, "wards": [{"code": ward, "name": name}
                                                         for ward, name in divisions.ward_choices(code)]})
    patch_cache_control(response, public=True, max_age=86400)
    return response
