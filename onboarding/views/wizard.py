"""The application wizard at /onboarding/: one short step per screen, saved after every
step, back and next as plain links and forms (no JavaScript needed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core import divisions
from marketplace.forms.certificate import CertificateForm
from onboarding.exceptions import ApplicationIncomplete, ApplicationNotEditable
from onboarding.forms import wizard as forms
from onboarding.models import ApplicationStatus
from onboarding.selectors import application_detail, current_application, latest_application
from onboarding.services import applications as services
from onboarding.steps import (
    STEP_BY_SLUG,
    STEP_SLUGS,
    STEPS,
    missing_steps,
    next_step,
    notes_for_step,
    previous_step,
    step_index,
)


def _step_url(slug: str) -> str:
    return reverse("onboarding:step", args=[slug])


@login_required
@require_http_methods(["GET", "POST"])
def start(request):
    application = latest_application(request.user)
    if application and application.status != ApplicationStatus.REJECTED:
        if application.is_editable:
            # Sent back: start where the officer's first note is; else the first step left to do.
            noted = [slug for slug in STEP_SLUGS if notes_for_step(application, slug)]
            missing = missing_steps(application)
            return redirect(_step_url((noted or missing or ["submit"])[0]))
        return redirect("onboarding:status")
    if request.method == "POST":
        services.application_start(user=request.user)
        return redirect(_step_url(STEPS[0].slug))
    rejection = application.events.order_by("-pk").first() if application else None
    return render(request, "onboarding/start.html", {"rejected": application, "rejection": rejection, "steps": STEPS})


def _simple_forms(application):
    """slug → (form class, extra kwargs, initial) for the steps that are one plain form."""
    a = application
    return {
        "type": (forms.ProducerTypeForm, {}, {"producer_type": a.producer_type}),
        "names": (forms.NamesForm, {}, {"legal_name": a.legal_name, "trading_name": a.trading_name}),
        "tax": (forms.TaxForm, {"producer_type": a.producer_type},
                {"tax_code": a.tax_code, "registration_number": a.registration_number}),
        "contact": (forms.ContactForm, {}, {"representative_name": a.representative_name,
                                            "representative_phone": a.representative_phone}),
        "province": (forms.ProvinceForm, {}, {"province_code": a.province_code}),
        "address": (forms.AddressForm, {"province_code": a.province_code},
                    {"ward_code": a.ward_code, "street": a.street}),
    }


@login_required
@require_http_methods(["GET", "POST"])
def step(request, slug: str):
    if slug not in STEP_BY_SLUG:
        raise Http404
    application = current_application(request.user)
    if application is None:
        return redirect("onboarding:start")
    if not application.is_editable:
        return redirect("onboarding:status")
    if slug == "address" and not application.province_code:
        return redirect(_step_url("province"))
    handler = {"products": _products, "certificates": _certificates, "documents": _documents,
               "submit": _submit}.get(slug, _simple)
    try:
        return handler(request, application, slug)
    except ApplicationNotEditable as exc:
        messages.error(request, exc.message)
        return redirect("onboarding:status")


def _render(request, application, slug, context, *, template="onboarding/step.html", status=200):
    index = step_index(slug)
    previous = previous_step(slug)
    context = {
        "application": application, "step": STEP_BY_SLUG[slug], "steps": STEPS, "number": index + 1,
        "total": len(STEPS), "percent": round(100 * (index + 1) / len(STEPS)),
        "previous_url": _step_url(previous) if previous else "", "notes": notes_for_step(application, slug),
        **context,
    }
    return render(request, template, context, status=status)


def _saved(request, slug):
    following = next_step(slug)
    return redirect(_step_url(following) if following else "onboarding:status")


def _service_errors(form, exc: ValidationError):
    """Put a service's ValidationError on the form (field errors when the field exists)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _simple(request, application, slug):
    form_class, kwargs, initial = _simple_forms(application)[slug]
    extra = {}
    if slug == "address":
        extra["province_name"] = application.province_name
    if request.method == "POST":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            try:
                services.application_update(application=application, user=request.user, fields=form.cleaned_data)
            except ValidationError as exc:
                _service_errors(form, exc)
            else:
                return _saved(request, slug)
        return _render(request, application, slug, {"form": form, **extra}, status=400)
    return _render(request, application, slug, {"form": form_class(initial=initial, **kwargs), **extra})


def _products(request, application, slug):
    if request.method == "POST":
        form = forms.ProductsForm(request.POST)
        if form.is_valid():
            services.application_update(application=application, user=request.user,
                                         categories=form.cleaned_data["categories"])
            return _saved(request, slug)
        return _render(request, application, slug, {"form": form}, status=400)
    form = forms.ProductsForm(initial={"categories": list(application.categories.values_list("pk", flat=True))})
    return _render(request, application, slug, {"form": form})


def _certificates(request, application, slug):
    form = CertificateForm()
    status = 200
    if request.method == "POST" and request.POST.get("action") == "remove":
        try:
            certificate_id = int(request.POST.get("certificate", ""))
        except ValueError:
            certificate_id = 0
        services.application_certificate_remove(application=application, user=request.user,
                                                certificate_id=certificate_id)
        return redirect(_step_url(slug))
    if request.method == "POST":
        form = CertificateForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.application_certificate_add(application=application, user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _service_errors(form, exc)
            else:
                messages.success(request, _("Certificate added. Add another one or continue."))
                return redirect(_step_url(slug))
        status = 400
    return _render(request, application, slug,
                   {"form": form, "certificates": application.certificates.all(),
                    "next_url": _step_url(next_step(slug))},
                   template="onboarding/step_certificates.html", status=status)


def _documents(request, application, slug):
    uploaded = {d.kind: d for d in application.documents.all()}
    if request.method == "POST":
        form = forms.DocumentsForm(request.POST, request.FILES, uploaded_kinds=set(uploaded))
        if form.is_valid():
            uploads = {kind: form.cleaned_data[kind] for kind in ("registration_certificate", "representative_id")
                       if form.cleaned_data.get(kind)}
            try:  # all or nothing: one refused file stores neither
                services.application_documents_upload(application=application, user=request.user, uploads=uploads)
            except ValidationError as exc:
                _service_errors(form, exc)
            else:
                return _saved(request, slug)
        uploaded = {d.kind: d for d in application.documents.all()}
        return _render(request, application, slug, {"form": form, "uploaded": uploaded},
                       template="onboarding/step_documents.html", status=400)
    form = forms.DocumentsForm(uploaded_kinds=set(uploaded))
    return _render(request, application, slug, {"form": form, "uploaded": uploaded},
                   template="onboarding/step_documents.html")


def _submit(request, application, slug):
    form = forms.SubmitForm(request.POST if request.method == "POST" else None)
    missing = [STEP_BY_SLUG[s] for s in missing_steps(application)]
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.application_submit(application=application, user=request.user, accept_terms=True)
            except ApplicationIncomplete as exc:
                form.add_error(None, exc.message)
                missing = [STEP_BY_SLUG[s] for s in exc.missing]
            else:
                messages.success(request, _("Your application has been sent. We will e-mail you when an officer "
                                            "has reviewed it."))
                return redirect("onboarding:status")
    return _render(request, application_detail(application), slug,
                   {"form": form, "missing": missing, "province_choices": divisions.province_choices},
                   template="onboarding/step_submit.html", status=status)
