"""Programme officers' review in the Wagtail admin (registered in wagtail_hooks.py).

Only programme officers and superusers reach these views; an application or certificate
outside the officer's provinces answers 404, like one that does not exist.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from onboarding import selectors
from onboarding.exceptions import InvalidTransition, NotAllowed
from onboarding.forms.review import (
    ApproveForm,
    CertificateDecisionForm,
    QueueFilterForm,
    RejectForm,
    RequestChangesForm,
)
from onboarding.models import ApplicationStatus
from onboarding.services import review as services


def _officer_only(request):
    if not selectors.is_programme_officer(request.user):
        raise Http404


@require_GET
def queue(request):
    _officer_only(request)
    codes = selectors.officer_province_codes(request.user)
    form = QueueFilterForm(request.GET or None, province_codes=codes)
    filters = form.cleaned_data if form.is_valid() else {}
    applications = selectors.applications_for_officer(
        request.user, province_code=filters.get("province"), status=filters.get("status", ""),
        producer_type=filters.get("producer_type", ""))
    page = Paginator(applications, 25).get_page(request.GET.get("p"))
    return render(request, "onboarding/admin/queue.html", {"form": form, "page": page, "limited": codes is not None})


def _detail(request, application, *, approve=None, changes=None, reject=None, status=200):
    return render(request, "onboarding/admin/detail.html", {
        "application": application,
        "approve_form": approve or ApproveForm(),
        "changes_form": changes or RequestChangesForm(),
        "reject_form": reject or RejectForm(),
        "can_decide": application.status == ApplicationStatus.SUBMITTED,
    }, status=status)


@require_GET
def detail(request, pk: int):
    return _detail(request, selectors.application_for_officer(request.user, pk))


def _decide(request, pk, form_class, form_key, action):
    application = selectors.application_for_officer(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(application, form)
        except (InvalidTransition, NotAllowed) as exc:
            messages.error(request, exc.message)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("onboarding_review:detail", pk=pk)
    if not form.errors:
        return redirect("onboarding_review:detail", pk=pk)
    messages.error(request, _("The decision was not saved: see the messages below."))
    return _detail(request, selectors.application_for_officer(request.user, pk), status=400, **{form_key: form})


@require_POST
def approve(request, pk: int):
    def action(application, form):
        services.application_approve(application=application, officer=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("Approved. The store was created as a draft and the applicant informed."))
    return _decide(request, pk, ApproveForm, "approve", action)


@require_POST
def request_changes(request, pk: int):
    def action(application, form):
        services.application_request_changes(application=application, officer=request.user,
                                             note=form.cleaned_data["note"], field_notes=form.field_notes())
        messages.success(request, _("The application was sent back to the applicant with your notes."))
    return _decide(request, pk, RequestChangesForm, "changes", action)


@require_POST
def reject(request, pk: int):
    def action(application, form):
        services.application_reject(application=application, officer=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The application was rejected and the applicant informed."))
    return _decide(request, pk, RejectForm, "reject", action)


def _certificate_decision(request, certificate, decide, back):
    form = CertificateDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose verify or refuse."))
        return redirect(back)
    was_verified = certificate.status == certificate.Status.VERIFIED
    try:
        decide(certificate=certificate, officer=request.user, verified=form.cleaned_data["decision"] == "verify",
               reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except NotAllowed as exc:
        raise Http404 from exc
    else:
        if form.cleaned_data["decision"] == "verify":
            messages.success(request, _("Certificate verified."))
        else:
            messages.success(request, _("Certificate revoked.") if was_verified else _("Certificate refused."))
    return redirect(back)


@require_POST
def declared_certificate(request, pk: int, certificate_pk: int):
    application = selectors.application_for_officer(request.user, pk)
    certificate = next((c for c in application.certificates.all() if c.pk == certificate_pk), None)
    if certificate is None:
        raise Http404
    return _certificate_decision(request, certificate, services.declared_certificate_decide,
                                 reverse("onboarding_review:detail", args=[pk]))


@require_GET
def ocop_queue(request):
    _officer_only(request)
    status = "verified" if request.GET.get("status") == "verified" else "pending"
    certificates = selectors.pending_ocop_certificates_for_officer(request.user, status)
    page = Paginator(certificates, 25).get_page(request.GET.get("p"))
    return render(request, "onboarding/admin/ocop_queue.html", {"page": page, "status": status})


@require_POST
def ocop_decide(request, pk: int):
    certificate = selectors.ocop_certificate_for_officer(request.user, pk)
    back = reverse("onboarding_review:ocop_queue")
    if certificate.status == certificate.Status.VERIFIED:
        back += "?status=verified"
    return _certificate_decision(request, certificate, services.ocop_certificate_decide, back)
