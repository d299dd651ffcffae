"""Payout batches for programme officers (staff-only pages linked from the Wagtail admin
menu). Anyone else gets a 404."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import PROGRAMME_OFFICERS, user_in_group
from core import csv as safe_csv
from core.banks import bank_for_bin
from marketplace.orders import selectors
from marketplace.orders.exceptions import OrderError
from marketplace.orders.forms import PayoutBatchForm
from marketplace.orders.models import PayoutBatch
from marketplace.orders.services.ledger import payout_batch_create, payout_batch_mark_paid


def officer_required(view):
    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not user_in_group(request.user, PROGRAMME_OFFICERS):
            raise Http404
        return view(request, *args, **kwargs)
    return wrapper


@officer_required
def batch_list(request):
    form = PayoutBatchForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                batch = payout_batch_create(actor=request.user, **form.cleaned_data)
            except OrderError as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                messages.success(request, _("Payout batch created."))
                return redirect("orders:payout_batch", pk=batch.pk)
        else:
            status = 422
    return render(request, "orders/payout_list.html", {"form": form, "batches": selectors.payout_batches()[:50]},
                  status=status)


@officer_required
def batch_detail(request, pk):
    batch = get_object_or_404(PayoutBatch, pk=pk)
    payouts = list(batch.payouts.select_related("store"))
    for payout in payouts:
        payout.bank = bank_for_bin(payout.bank_bin)
    return render(request, "orders/payout_detail.html",
                  {"batch": batch, "payouts": payouts, "total": sum(p.amount for p in payouts)})


@officer_required
def batch_csv(request, pk):
    batch = get_object_or_404(PayoutBatch, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="payouts-{batch.period_start}-{batch.period_end}.csv"'
    response.write("\ufeff")  # BOM: Excel opens Vietnamese text correctly
    writer = safe_csv.writer(response)  # store names are the sellers' text: no formulas
    writer.writerow(["store", "bank", "bank_bin", "account_number", "account_holder", "amount_vnd"])
    for payout in batch.payouts.select_related("store"):
        bank = bank_for_bin(payout.bank_bin)
        writer.writerow([payout.store.name, bank.short_name if bank else "", payout.bank_bin, payout.account_number,
                         payout.account_holder, payout.amount])
    return response


@officer_required
@require_POST
def batch_mark_paid(request, pk):
    batch = get_object_or_404(PayoutBatch, pk=pk)
    try:
        payout_batch_mark_paid(batch=batch, actor=request.user)
    except OrderError as exc:
        messages.error(request, str(exc))
        return redirect("orders:payout_batch", pk=batch.pk)
    messages.success(request, _("Batch marked paid."))
    return redirect("orders:payout_batch", pk=batch.pk)
