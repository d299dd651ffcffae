import logging

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.payments import gateway
from marketplace.payments.exceptions import PaymentError, PaymentProviderError
from marketplace.payments.models import Payment
from marketplace.payments.providers.stripe import webhooks

logger = logging.getLogger(__name__)


@csrf_exempt  # the only CSRF-exempt view: Stripe signs the body instead (RELIABILITY 18)
@require_POST
def stripe_webhook(request):
    try:
        event = webhooks.verify(request.body, request.headers.get("Stripe-Signature", ""))
    except webhooks.InvalidWebhook as exc:
        logger.warning("Refused Stripe webhook: %s", exc)
        return HttpResponseBadRequest("invalid webhook")
    # A handler failing raises: the transaction rolls back, Django answers 500, Stripe
    # redelivers later (RELIABILITY 10). Events that are not ours are acknowledged.
    outcome = webhooks.process(event)
    return HttpResponse({webhooks.PROCESSED: "ok"}.get(outcome, outcome), content_type="text/plain")


def _orders(payment):
    return list(payment.orders.select_related("store").order_by("pk"))


def payment_return(request, reference):
    """Stripe's success_url. Shows where things stand; fulfils nothing (only the
    signed webhook does)."""
    payment = get_object_or_404(Payment, reference=reference)
    return render(request, "payments/return.html", {"payment": payment, "orders": _orders(payment)})


def payment_cancelled(request, reference):
    payment = get_object_or_404(Payment, reference=reference)
    return render(request, "payments/cancelled.html", {"payment": payment, "orders": _orders(payment),
                                                        "can_pay": payment.status == Payment.Status.PENDING})


@require_POST
def payment_retry(request, reference):
    payment = get_object_or_404(Payment, reference=reference)
    try:
        url = gateway.start_payment(payment=payment)
    except PaymentError as exc:
        messages.error(request, str(exc) if not isinstance(exc, PaymentProviderError)
                       else _("The card payment page could not be opened. Please try again in a moment."))
        return redirect("orders:placed", reference=payment.reference)
    return redirect(url or "orders:placed", **({} if url else {"reference": payment.reference}))
